package health.ordo.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.application.port.in.writeback.WriteBackUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector runtime end to end with an Oracle Fusion-shaped source over HTTP: holds become scored items, a changed
 * hold refreshes its item, a hold released in Oracle closes its item, a down source turns the connector DEGRADED without
 * losing anything, and an item completed as RELEASED is written back as a hold release.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErpConnectorTest implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INVOICE = Pattern.compile("InvoiceNumber='([^']*)'");
    private static final String TENANT = "erp-" + Long.toHexString(System.nanoTime()).substring(0, 6);
    /** A tenant whose only ERP connector is stored through the API (none in the deployment's configuration). */
    private static final String API_TENANT = TENANT + "-api";

    private final FakeOracle fake = new FakeOracle();
    private final List<ObjectNode> holds = fake.holds;
    private final List<String> patches = fake.patches;
    private final AtomicBoolean down = fake.down;

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;
    @Inject
    WriteBackUseCase writeBacks;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("ordo.connectors.oracle-ap.type", "oracle-fusion-invoice-holds",
                "ordo.connectors.oracle-ap.tenant", TENANT,
                "ordo.connectors.oracle-ap.base-url", fake.url(),
                "ordo.connectors.oracle-ap.options.auth", "basic",
                "ordo.connectors.oracle-ap.options.username", "ap.user",
                "ordo.connectors.oracle-ap.options.password", "secret",
                "ordo.connectors.oracle-ap.options.sole-source-suppliers", "Baxter Healthcare",
                "ordo.connectors-initial-delay", "1h", "ordo.write-back.initial-delay", "1h", "ordo.connectors-retry-base", "10ms");
    }

    @BeforeAll
    void tenant() {
        provision.provision(TenantId.of(TENANT), "ERP test", List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse("ada@" + TENANT), "Ada", "password-of-ada", Set.of(Role.TENANT_ADMIN))));
        provision.provision(TenantId.of(API_TENANT), "ERP through the API", List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse("ada@" + API_TENANT), "Ada", "password-of-ada", Set.of(Role.TENANT_ADMIN))));
    }

    @AfterAll
    void stop() {
        fake.close();
    }

    /** Oracle Fusion Payables, shaped like its REST resources; pages of the size asked, failures on chosen page requests. */
    static final class FakeOracle implements AutoCloseable {
        final List<ObjectNode> holds = new CopyOnWriteArrayList<>();
        final List<String> patches = new CopyOnWriteArrayList<>();
        final AtomicBoolean down = new AtomicBoolean();
        final java.util.concurrent.atomic.AtomicInteger holdRequests = new java.util.concurrent.atomic.AtomicInteger();
        volatile int failFromRequest = Integer.MAX_VALUE;
        volatile String lastAuthorization;
        private final HttpServer server;

        FakeOracle() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/fscmRestApi/resources/11.13.18.05/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
        String path = exchange.getRequestURI().getPath().substring("/fscmRestApi/resources/11.13.18.05/".length());
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        String body;
        if (down.get()) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        if (path.equals("invoiceHolds")) {
            if (holdRequests.incrementAndGet() >= failFromRequest) {
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
                return;
            }
            ObjectNode page = JSON.createObjectNode();
            ArrayNode items = page.putArray("items");
            holds.forEach(items::add);
            body = page.put("hasMore", false).toString();
        } else if (path.startsWith("invoiceHolds/")) {
            ObjectNode hold = holds.stream().filter(h -> path.endsWith(h.get("HoldId").asText())).findFirst().orElseThrow();
            if ("PATCH".equals(exchange.getRequestMethod())) {
                JsonNode patch = JSON.readTree(exchange.getRequestBody());
                patches.add(patch.toString());
                hold.put("ReleaseName", patch.get("ReleaseName").asText()).put("ReleaseReason", patch.get("ReleaseReason").asText());
            }
            body = hold.toString();
        } else {
            Matcher m = INVOICE.matcher(query);
            m.find();
            ObjectNode page = JSON.createObjectNode();
            ObjectNode invoice = page.putArray("items").addObject();
            String number = m.group(1);
            ObjectNode hold = holds.stream().filter(h -> h.get("InvoiceNumber").asText().equals(number)).findFirst().orElseThrow();
            invoice.put("InvoiceNumber", number).put("Supplier", hold.get("Supplier").asText()).put("InvoiceAmount", hold.get("amount").asText())
                    .put("InvoiceCurrency", "USD").putArray("invoiceInstallments").addObject().put("DueDate", "2026-12-20");
            body = page.toString();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
    }

    /** The items of this test's holds (other tests of the class share the tenant). */
    private static List<Map<String, Object>> mine(List<Map<String, Object>> items) {
        return items.stream().filter(i -> i.get("title").toString().contains("INV-100")).toList();
    }

    static ObjectNode hold(long id, String supplier, String amount, String updated) {
        ObjectNode hold = JSON.createObjectNode().put("HoldId", id).put("InvoiceNumber", "INV-" + id).put("Supplier", supplier)
                .put("BusinessUnit", "Vision Operations").put("HoldName", "Amount").put("HoldDate", "2026-11-19T10:00:00+00:00")
                .put("LastUpdateDate", updated).put("amount", amount);
        hold.putNull("ReleaseName");
        return hold;
    }

    @Test
    void holdsFlowIn_changesRefresh_releasesClose_outagesDegrade_andReleasesAreWrittenBack() throws Exception {
        ApiClient api = new ApiClient(server.getURI(), json);
        String admin = api.login("ada@" + TENANT, "password-of-ada");
        holds.add(hold(1001, "Baxter Healthcare", "48250.00", "2026-11-20T08:00:00.000+00:00"));
        holds.add(hold(1002, "Office Depot", "310.40", "2026-11-20T08:00:01.000+00:00"));
        holds.add(hold(1003, "Medline", "900.00", "2026-11-20T08:00:02.000+00:00"));

        ApiClient.Response first = api.post("/api/v1/connectors/oracle-ap/sync", admin, Map.of());
        List<Map<String, Object>> items = mine(api.get("/api/v1/work-items?type=INVOICE_HOLD&limit=100", admin).list("items"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Deprecation")).as("the /sync alias is deprecated").startsWith("@");
        assertThat(first.header("Sunset")).isEqualTo("Sun, 28 Nov 2027 00:00:00 GMT");
        assertThat(first.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(first.header("X-Request-Id")).isNotBlank();
        assertThat(first.body()).containsEntry("health", "UP").containsEntry("itemsCreated", 3);
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("title").toString()).as("the sole-source supplier's large hold ranks first").contains("Baxter");
        assertThat(((Map<?, ?>) items.get(0).get("attributes")).get("supplierCriticality")).isEqualTo("CRITICAL");

        holds.get(1).put("amount", "355.00").put("LastUpdateDate", "2026-11-21T08:00:00.000+00:00");
        holds.get(2).put("ReleaseName", "Amount approved").put("LastUpdateDate", "2026-11-21T08:00:01.000+00:00");
        ApiClient.Response second = api.post("/api/v1/connectors/oracle-ap/sync", admin, Map.of());
        String officeDepot = items.stream().filter(i -> i.get("title").toString().contains("Office Depot")).findFirst().orElseThrow().get("id").toString();
        String medline = items.stream().filter(i -> i.get("title").toString().contains("Medline")).findFirst().orElseThrow().get("id").toString();

        assertThat(second.body()).containsEntry("itemsUpdated", 1).containsEntry("itemsClosed", 1).containsEntry("itemsCreated", 3);
        ApiClient.Response refreshed = api.get("/api/v1/work-items/" + officeDepot, admin);
        assertThat(((Map<?, ?>) refreshed.body().get("amount")).get("value")).isEqualTo("355.00");
        assertThat(refreshed.list("history")).anySatisfy(h -> assertThat(h.get("action")).isEqualTo("source-update"));
        ApiClient.Response closed = api.get("/api/v1/work-items/" + medline, admin);
        assertThat(closed.string("status")).isEqualTo("CANCELLED");
        assertThat(closed.string("statusReason")).contains("Amount approved");

        down.set(true);
        ApiClient.Response degraded = api.post("/api/v1/connectors/oracle-ap/sync", admin, Map.of());
        down.set(false);
        assertThat(degraded.body()).containsEntry("health", "DEGRADED");
        assertThat(degraded.string("healthReason")).contains("503");
        assertThat(mine(api.get("/api/v1/work-items?type=INVOICE_HOLD&status=READY&limit=100", admin).list("items"))).hasSize(2);

        String baxter = items.get(0).get("id").toString();
        api.post("/api/v1/work-items/" + baxter + "/claim", admin, Map.of());
        api.post("/api/v1/work-items/" + baxter + "/start", admin, Map.of());
        api.post("/api/v1/work-items/" + baxter + "/complete", admin, Map.of("resolutionCode", "RELEASED"));
        writeBacks.dispatchDue(50);

        assertThat(patches).singleElement().satisfies(p -> assertThat(p).contains("\"ReleaseName\"").contains(baxter + ":RELEASED"));
        assertThat(api.get("/api/v1/write-backs?status=APPLIED", admin).list("items")).singleElement()
                .satisfies(w -> assertThat(w.get("sourceSystem")).isEqualTo("oracle-fusion"));
        assertThat(api.get("/api/v1/connectors", admin).list("items")).filteredOn(c -> c.get("name").equals("oracle-ap")).singleElement()
                .satisfies(c -> assertThat(c.get("health")).isEqualTo("UP"));
    }

    /** A tenant of its own: one connector per source system, and TENANT has the deployment's Oracle connector. */
    private String adminOfAFreshTenant(ApiClient api) {
        String tenant = "erpx-" + UUID.randomUUID().toString().substring(0, 8);
        provision.provision(TenantId.of(tenant), "ERP test", List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse("ada@" + tenant), "Ada", "password-of-ada", Set.of(Role.TENANT_ADMIN))));
        return api.login("ada@" + tenant, "password-of-ada");
    }

    @Test
    void aSecondConnectorOfASourceSystemTheTenantAlreadyHas_isRefused() {
        ApiClient api = new ApiClient(server.getURI(), json);
        String admin = api.login("ada@" + TENANT, "password-of-ada");

        ApiClient.Response second = api.put("/api/v1/connectors/oracle-second", admin, Map.of("type", "oracle-fusion-invoice-holds",
                "baseUrl", "http://127.0.0.1:9", "options", Map.of("auth", "basic", "username", "u"), "secrets", Map.of("password", "p")));

        assertThat(second.status()).isEqualTo(422);
        assertThat(second.list("errors")).extracting(e -> e.get("field")).containsExactly("type");
        assertThat(second.string("detail")).contains("oracle-ap already serves source system oracle-fusion");
    }

    @Test
    void connectorConfiguredThroughTheApi_keepsItsSecretWriteOnly_syncsWithIt_andRecordsTheRun() {
        ApiClient api = new ApiClient(server.getURI(), json);
        String admin = adminOfAFreshTenant(api);
        try (FakeOracle oracle = new FakeOracle()) {
            oracle.holds.add(hold(2001, "Cardinal Health", "1200.00", "2026-11-22T08:00:00.000+00:00"));
            Map<String, Object> config = Map.of("type", "oracle-fusion-invoice-holds", "baseUrl", oracle.url(), "intervalSeconds", 600,
                    "options", Map.of("auth", "basic", "username", "ap.integration"), "secrets", Map.of("password", "s3cr3t-Pa55"));

            ApiClient.Response put = api.put("/api/v1/connectors/oracle-api", admin, config);
            ApiClient.Response read = api.get("/api/v1/connectors/oracle-api", admin);
            ApiClient.Response secretInOptions = api.put("/api/v1/connectors/oracle-bad", admin, Map.of("type", "oracle-fusion-invoice-holds",
                    "baseUrl", oracle.url(), "options", Map.of("auth", "basic", "username", "x", "password", "leak")));
            ApiClient.Response unknownType = api.put("/api/v1/connectors/oracle-bad", admin, Map.of("type", "peoplesoft", "baseUrl", oracle.url()));
            ApiClient.Response missingPassword = api.put("/api/v1/connectors/oracle-bad", admin, Map.of("type", "oracle-fusion-invoice-holds",
                    "baseUrl", oracle.url(), "options", Map.of("auth", "basic", "username", "x")));
            ApiClient.Response sync = api.post("/api/v1/connectors/oracle-api:sync", admin, Map.of());
            ApiClient.Response runs = api.get("/api/v1/connectors/oracle-api/runs", admin);
            ApiClient.Response keepSecret = api.put("/api/v1/connectors/oracle-api", admin, Map.of("type", "oracle-fusion-invoice-holds",
                    "baseUrl", oracle.url(), "options", Map.of("auth", "basic", "username", "ap.integration")));

            assertThat(put.status()).isEqualTo(201);
            assertThat(put.raw().headers().firstValue("Location")).hasValue("/api/v1/connectors/oracle-api");
            assertThat(put.raw().body()).doesNotContain("s3cr3t-Pa55");
            assertThat(read.raw().body()).doesNotContain("s3cr3t-Pa55");
            assertThat(read.body().get("secretsSet")).isEqualTo(List.of("password"));
            assertThat(secretInOptions.status()).isEqualTo(422);
            assertThat(secretInOptions.list("errors")).extracting(e -> e.get("field")).containsExactly("options.password");
            assertThat(unknownType.list("errors")).extracting(e -> e.get("field")).containsExactly("type");
            assertThat(missingPassword.status()).isEqualTo(422);
            assertThat(sync.body()).containsEntry("itemsCreated", 1).containsEntry("health", "UP");
            assertThat(oracle.lastAuthorization).isEqualTo("Basic " + java.util.Base64.getEncoder()
                    .encodeToString("ap.integration:s3cr3t-Pa55".getBytes(StandardCharsets.UTF_8)));
            assertThat(runs.list("items")).singleElement().satisfies(run -> {
                assertThat(run.get("status")).isEqualTo("SUCCEEDED");
                assertThat(run.get("trigger")).isEqualTo("MANUAL");
                assertThat(run.get("created")).isEqualTo(1);
            });
            assertThat(keepSecret.status()).as("a PUT without the secret keeps it").isEqualTo(200);
            assertThat(keepSecret.body().get("secretsSet")).isEqualTo(List.of("password"));
        }
    }

    @Test
    void itemOfAConnectorStoredThroughTheApi_isWrittenBackWhenCompleted() {
        ApiClient api = new ApiClient(server.getURI(), json);
        String admin = api.login("ada@" + API_TENANT, "password-of-ada");
        try (FakeOracle oracle = new FakeOracle()) {
            oracle.holds.add(hold(4001, "Medline", "310.00", "2026-11-24T08:00:00.000+00:00"));
            api.put("/api/v1/connectors/oracle-stored", admin, Map.of("type", "oracle-fusion-invoice-holds", "baseUrl", oracle.url(),
                    "options", Map.of("auth", "basic", "username", "u"), "secrets", Map.of("password", "p")));
            api.post("/api/v1/connectors/oracle-stored:sync", admin, Map.of());
            String medline = api.get("/api/v1/work-items?type=INVOICE_HOLD&limit=10", admin).list("items").get(0).get("id").toString();

            api.post("/api/v1/work-items/" + medline + "/claim", admin, Map.of());
            api.post("/api/v1/work-items/" + medline + "/start", admin, Map.of());
            api.post("/api/v1/work-items/" + medline + "/complete", admin, Map.of("resolutionCode", "RELEASED"));
            writeBacks.dispatchDue(50);

            assertThat(oracle.patches).singleElement().satisfies(p -> assertThat(p).contains(medline + ":RELEASED"));
            assertThat(api.get("/api/v1/write-backs?status=APPLIED", admin).list("items")).singleElement()
                    .satisfies(w -> assertThat(w.get("sourceSystem")).isEqualTo("oracle-fusion"));
        }
    }

    @Test
    void syncCutShortAfterPage2Of4_resumesFromItsCursor_andEndsWithTheFullSetOnce() {
        ApiClient api = new ApiClient(server.getURI(), json);
        String admin = adminOfAFreshTenant(api);
        try (FakeOracle oracle = new FakeOracle()) {
            for (int i = 0; i < 12; i++) {
                oracle.holds.add(hold(3001 + i, "Supplier " + i, (100 + i) + ".00", String.format("2026-11-23T08:00:%02d.000+00:00", i)));
            }
            api.put("/api/v1/connectors/oracle-paged", admin, Map.of("type", "oracle-fusion-invoice-holds", "baseUrl", oracle.url(),
                    "pageSize", 3, "options", Map.of("auth", "basic", "username", "u"), "secrets", Map.of("password", "p")));
            oracle.failFromRequest = 3;

            ApiClient.Response cut = api.post("/api/v1/connectors/oracle-paged:sync", admin, Map.of());
            oracle.failFromRequest = Integer.MAX_VALUE;
            ApiClient.Response resumed = api.post("/api/v1/connectors/oracle-paged:sync", admin, Map.of());
            List<Map<String, Object>> runs = api.get("/api/v1/connectors/oracle-paged/runs", admin).list("items");

            assertThat(cut.body()).containsEntry("itemsCreated", 6).containsEntry("health", "DEGRADED");
            assertThat(resumed.body()).containsEntry("itemsCreated", 12).containsEntry("duplicates", 0).containsEntry("health", "UP");
            assertThat(runs).hasSize(2);
            assertThat(runs.get(1)).containsEntry("status", "FAILED").containsEntry("pages", 2).containsEntry("created", 6);
            assertThat(runs.get(0)).containsEntry("status", "SUCCEEDED").containsEntry("created", 6).containsEntry("unchanged", 0);
            List<Map<String, Object>> items = api.get("/api/v1/work-items?type=INVOICE_HOLD&limit=100", admin).list("items");
            assertThat(items.stream().filter(i -> i.get("title").toString().contains("Supplier ")).map(i -> i.get("title")).distinct())
                    .hasSize(12);
        }
    }
}
