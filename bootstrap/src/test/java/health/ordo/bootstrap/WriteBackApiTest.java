package health.ordo.bootstrap;

import ca.uhn.fhir.context.FhirContext;
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
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completing a denial queues its resolution; the dispatcher writes it to a FHIR server as a Task, retries after the
 * server fails, and the retry applies once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteBackApiTest implements TestPropertyProvider {

    private final FhirContext fhir = FhirContext.forR4();
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final AtomicInteger puts = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    /** The test's own item: write-backs of other tests' tenants (one database, leased across tenants) are refused. */
    private volatile String itemId;
    private HttpServer fhirServer;

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
        try {
            fhirServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fhirServer.createContext("/fhir/", this::handle);
        fhirServer.start();
        return Map.of("ordo.claims.write-back.fhir-base-url", "http://127.0.0.1:" + fhirServer.getAddress().getPort() + "/fhir/",
                "ordo.write-back.retry-base", "50ms", "ordo.write-back.initial-delay", "1h");
    }

    @AfterAll
    void stop() {
        fhirServer.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        String key = query.substring(query.indexOf('|') + 1);
        String body;
        int status = 200;
        if (itemId == null || !key.startsWith(itemId)) {
            status = 404;
            body = "{\"resourceType\":\"OperationOutcome\"}";
        } else if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = 503;
            body = "{\"resourceType\":\"OperationOutcome\"}";
        } else if ("PUT".equals(exchange.getRequestMethod())) {
            puts.incrementAndGet();
            Task task = fhir.newJsonParser().parseResource(Task.class, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            status = tasks.put(key, task) == null ? 201 : 200;
            body = fhir.newJsonParser().encodeResourceToString(task);
        } else {
            Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
            if (tasks.containsKey(key)) {
                bundle.addEntry().setResource(tasks.get(key));
            }
            body = fhir.newJsonParser().encodeResourceToString(bundle);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void anItemCreatedThroughTheApi_isNeverWrittenBack_thoughItClaimsAClaimsSystem() {
        String tenant = "wb-" + UUID.randomUUID().toString().substring(0, 6);
        provision.provision(TenantId.of(tenant), "Write-back test", List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse("ada@" + tenant), "Ada", "password-of-ada", Set.of(Role.TENANT_ADMIN))));
        ApiClient api = new ApiClient(server.getURI(), json);
        String admin = api.login("ada@" + tenant, "password-of-ada");
        String forged = api.post("/api/v1/work-items", admin, Map.of("type", "CLAIM_DENIAL", "source", Map.of("system", "x12-835",
                "externalId", "60054:FORGED-1"), "title", "Denied claim", "amount", Map.of("value", "300.00", "currency", "USD"))).string("id");

        api.post("/api/v1/work-items/" + forged + "/claim", admin, Map.of());
        api.post("/api/v1/work-items/" + forged + "/start", admin, Map.of());
        ApiClient.Response completed = api.post("/api/v1/work-items/" + forged + "/complete", admin, Map.of("resolutionCode", "APPEALED"));

        assertThat(completed.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/write-backs", admin).list("items")).noneMatch(w -> forged.equals(String.valueOf(w.get("workItemId"))));
        assertThat(api.get("/api/v1/write-backs", admin).list("items")).isEmpty();
    }

    @Test
    void completedDenial_isWrittenBackAsATask_onceDespiteAFailedFirstAttempt() throws Exception {
        String tenant = "wb-" + UUID.randomUUID().toString().substring(0, 6);
        provision.provision(TenantId.of(tenant), "Write-back test", List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse("ada@" + tenant), "Ada", "password-of-ada", Set.of(Role.TENANT_ADMIN))));
        ApiClient api = new ApiClient(server.getURI(), json);
        String admin = api.login("ada@" + tenant, "password-of-ada");
        String file;
        try (InputStream in = WriteBackApiTest.class.getResourceAsStream("/x12/multi-payer.835")) {
            file = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        ApiClient.Response report = api.postRaw("/api/v1/inbound/x12/835", admin, file, "application/edi-x12");
        String id = report.list("claims").stream().filter(c -> "created".equals(c.get("outcome"))).findFirst().orElseThrow()
                .get("workItemId").toString();
        itemId = id;
        api.post("/api/v1/work-items/" + id + "/claim", admin, Map.of());
        api.post("/api/v1/work-items/" + id + "/start", admin, Map.of());
        api.post("/api/v1/work-items/" + id + "/complete", admin, Map.of("resolutionCode", "APPEALED"));

        List<Map<String, Object>> queued = api.get("/api/v1/write-backs?status=PENDING", admin).list("items");
        failures.set(1);
        writeBacks.dispatchDue(50);
        List<Map<String, Object>> afterFailure = api.get("/api/v1/write-backs", admin).list("items");
        Thread.sleep(120);
        writeBacks.dispatchDue(50);
        writeBacks.dispatchDue(50);
        List<Map<String, Object>> applied = api.get("/api/v1/write-backs?status=APPLIED", admin).list("items");

        assertThat(queued).singleElement().satisfies(w -> {
            assertThat(w.get("workItemId")).isEqualTo(id);
            assertThat(w.get("idempotencyKey")).isEqualTo(id + ":APPEALED");
        });
        assertThat(afterFailure).singleElement().satisfies(w -> {
            assertThat(w.get("status")).isEqualTo("PENDING");
            assertThat(w.get("lastError").toString()).contains("503");
        });
        assertThat(applied).singleElement().satisfies(w -> assertThat(w.get("attempts")).isEqualTo(2));
        assertThat(puts.get()).isEqualTo(1);
        Task task = tasks.get(id + ":APPEALED");
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
        assertThat(((StringType) task.getOutputFirstRep().getValue()).getValue()).isEqualTo("APPEALED");
        assertThat(task.getFocus().getIdentifier().getValue()).contains(":");
    }
}
