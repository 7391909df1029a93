package health.ordo.bootstrap;

import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every /api/v1 endpoint that takes an id, called by a user of another tenant with every tenant role and a valid
 * body, with the ids of real objects of the first tenant: the answer is 404 (never 403, never the object), and
 * the create-or-replace endpoints create the caller's own object without touching the first tenant's.
 */
@MicronautTest(transactional = false)
class CrossTenantIsolationTest {

    /** PUT routes that create or replace an object of the caller's own tenant under the given id. */
    private static final Set<String> UPSERTS = Set.of("PUT /api/v1/queues/{id}", "PUT /api/v1/workers/{login}",
            "PUT /api/v1/routing-rules/{id}", "PUT /api/v1/calendars/{id}", "PUT /api/v1/connectors/{id}",
            "POST /api/v1/calendars/{id}:import");

    @Inject
    Router router;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;

    private final HttpClient http = HttpClient.newHttpClient();

    private String tenantWithEveryRole(ApiClient api, String prefix) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        provision.provision(TenantId.of(slug), prefix, List.of(new ProvisionTenantUseCase.NewUser(Login.parse("boss@" + slug), "Boss",
                "password-of-boss", Set.of(Role.WORKER, Role.SUPERVISOR, Role.TENANT_ADMIN))));
        return slug;
    }

    @Test
    void everyIdEndpoint_answers404ForAnotherTenantsObjects() throws Exception {
        ApiClient api = new ApiClient(server.getURI(), json);
        String north = tenantWithEveryRole(api, "north");
        String south = tenantWithEveryRole(api, "south");
        String owner = api.login("boss@" + north, "password-of-boss");
        String intruder = api.login("boss@" + south, "password-of-boss");

        Map<String, String> ids = new LinkedHashMap<>();
        ApiClient.Response item = api.post("/api/v1/work-items", owner, Map.of("type", "INVOICE_HOLD",
                "source", Map.of("system", "oracle-fusion", "externalId", "INV-1"), "title", "Price variance hold",
                "amount", Map.of("value", "1250.00", "currency", "USD")));
        assertThat(item.status()).isEqualTo(201);
        ids.put("item", item.string("id"));
        assertThat(api.put("/api/v1/queues/north-q", owner, Map.of("name", "North queue", "weight", 2)).status()).isEqualTo(201);
        assertThat(api.put("/api/v1/workers/boss@" + north, owner, Map.of("queues", List.of("north-q"), "skills", Map.of("appeals", 3),
                "capacity", 10, "available", true)).status()).isEqualTo(201);
        assertThat(api.put("/api/v1/routing-rules/north-rule", owner, Map.of("position", 1, "when", List.of(Map.of("field", "type",
                "operator", "eq", "value", "INVOICE_HOLD")), "targetQueue", "north-q")).status()).isEqualTo(201);
        assertThat(api.put("/api/v1/calendars/north-cal", owner, Map.of("zone", "America/New_York",
                "hours", Map.of("MONDAY", List.of(Map.of("start", "09:00", "end", "17:00"))))).status()).isEqualTo(201);
        assertThat(api.put("/api/v1/connectors/north-erp", owner, Map.of("type", "oracle-fusion-invoice-holds",
                "baseUrl", "http://127.0.0.1:9", "enabled", false, "options", Map.of("auth", "basic", "username", "u"),
                "secrets", Map.of("password", "p"))).status()).isEqualTo(201);
        ApiClient.Response client = api.post("/api/v1/api-clients", owner, Map.of("name", "North bridge"));
        ids.put("client", client.string("clientId"));
        ApiClient.Response policy = api.post("/api/v1/priority-policies", owner, Map.of("policyId", "north-first",
                "factors", List.of(Map.of("factor", "FINANCIAL_IMPACT", "weight", 1, "parameters", Map.of("cap", 1000000)))));
        assertThat(policy.status()).isEqualTo(201);
        ApiClient.Response job = api.post("/api/v1/priority-policies/north-first/versions/1:activate", owner, Map.of());
        ids.put("job", job.string("id") != null ? job.string("id") : job.string("jobId"));
        ApiClient.Response override = api.post("/api/v1/work-items/" + ids.get("item") + "/priority-override", owner,
                Map.of("target", "PIN_TOP", "reasonCode", "EXECUTIVE_REQUEST", "expiresAt", Instant.now().plusSeconds(3600).toString()));
        @SuppressWarnings("unchecked")
        Map<String, Object> requested = (Map<String, Object>) override.body().get("override");
        ids.put("override", requested == null ? null : requested.get("id").toString());
        api.put("/api/v1/approval-settings", owner, Map.of("required", List.of("PRIORITY_POLICY_ACTIVATION")));
        ApiClient.Response held = api.post("/api/v1/priority-policies/north-first/versions/1:activate", owner, Map.of());
        assertThat(held.status()).isEqualTo(202);
        ids.put("approval", held.string("id"));
        // a denial the payer's 835 brought in (only what a source brought in is written back)
        String remittance;
        try (java.io.InputStream in = CrossTenantIsolationTest.class.getResourceAsStream("/x12/multi-payer.835")) {
            remittance = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        String denial = api.postRaw("/api/v1/inbound/x12/835", owner, remittance, "application/edi-x12").list("claims").stream()
                .filter(c -> "created".equals(c.get("outcome"))).findFirst().orElseThrow().get("workItemId").toString();
        api.post("/api/v1/work-items/" + denial + "/claim", owner, Map.of());
        api.post("/api/v1/work-items/" + denial + "/start", owner, Map.of());
        api.post("/api/v1/work-items/" + denial + "/complete", owner, Map.of("resolutionCode", "APPEALED"));
        ids.put("writeBack", api.get("/api/v1/write-backs", owner).list("items").stream().map(w -> w.get("id").toString())
                .findFirst().orElse(null));
        ids.put("import", api.postRaw("/api/v1/history:import", owner, "type,queue,source_reference,received\nCLAIM_DENIAL,north-q,H-1,2026-01-05\n",
                "text/csv").string("id"));
        ids.put("document", api.postRaw("/api/v1/intake/documents", owner, "Referral for cardiology consult, please schedule within two weeks.",
                "text/plain").string("id"));
        ids.put("webhook", api.post("/api/v1/webhook-subscriptions", owner, Map.of("url", "http://127.0.0.1:9/north")).string("id"));
        assertThat(ids).doesNotContainValue(null);

        api.put("/api/v1/queues/south-q", intruder, Map.of("name", "South queue", "weight", 1));
        assertThat(api.put("/api/v1/workers/boss@" + south, intruder, Map.of("queues", List.of("south-q"), "capacity", 10,
                "available", true)).status()).isEqualTo(201);

        Set<String> routes = new TreeSet<>();
        router.uriRoutes().forEach(r -> routes.add(r.getHttpMethodName() + " " + r.getUriMatchTemplate().toString()));
        List<String> idRoutes = routes.stream().filter(r -> r.contains(" /api/v1/") && r.replaceAll("\\{\\?[^}]*}", "").contains("{")
                && !r.startsWith("HEAD ")
                && !r.matches("\\S+ /api/v1/(fhir/(CodeSystem|ValueSet|StructureDefinition)|event-types|code-sets)/.*")).toList(); // codes, not a tenant's ids (CodeSetApiTest shows a tenant's list is its own)
        assertThat(idRoutes).hasSizeGreaterThan(30);

        Map<String, Object> body = new LinkedHashMap<>();
        body.putAll(Map.of("reason", "testing isolation", "resolutionCode", "RELEASED", "assignee", "boss@" + south, "queue", "north-q",
                "target", "PIN_TOP", "reasonCode", "EXECUTIVE_REQUEST", "expiresAt", Instant.now().plusSeconds(3600).toString(),
                "available", true, "name", "Intruder"));
        body.putAll(Map.of("displayName", "Intruder", "primaryColor", "#000000", "accentColor", "#FFFFFF", "comment", "x", "worker", "boss@" + south));
        String payload = json.writeValueAsString(body);
        List<String> leaks = new ArrayList<>();
        for (String route : idRoutes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = fill(route.substring(route.indexOf(' ') + 1).replaceAll("\\{\\?[^}]*}", ""), north, ids);
            HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve(path)).header("Authorization", "Bearer " + intruder)
                    .header("Content-Type", "application/json")
                    .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(payload)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            boolean upsert = UPSERTS.contains(route);
            if (upsert ? response.statusCode() >= 500 : response.statusCode() != 404) {
                leaks.add(route + " → " + response.statusCode() + " " + response.body().substring(0, Math.min(160, response.body().length())));
            }
        }
        assertThat(leaks).as("answers to another tenant's ids other than 404").isEmpty();

        assertThat(api.get("/api/v1/queues/north-q", owner).string("name")).isEqualTo("North queue");
        assertThat(api.get("/api/v1/work-items/" + ids.get("item"), owner).string("title")).isEqualTo("Price variance hold");
        assertThat(api.get("/api/v1/connectors/north-erp", owner).string("baseUrl")).isEqualTo("http://127.0.0.1:9");
        assertThat(api.get("/api/v1/calendars/north-cal", owner).status()).isEqualTo(200);
    }

    private static String fill(String template, String tenant, Map<String, String> ids) {
        String path = template;
        if (path.startsWith("/api/v1/work-items/") || path.startsWith("/api/v1/fhir/Task/")) {
            path = path.replace("{id}", ids.get("item"));
        } else if (path.startsWith("/api/v1/queues/")) {
            path = path.replace("{id}", "north-q");
        } else if (path.startsWith("/api/v1/routing-rules/")) {
            path = path.replace("{id}", "north-rule");
        } else if (path.startsWith("/api/v1/calendars/")) {
            path = path.replace("{id}", "north-cal");
        } else if (path.startsWith("/api/v1/connectors/")) {
            path = path.replace("{id}", "north-erp");
        } else if (path.startsWith("/api/v1/jobs/")) {
            path = path.replace("{id}", ids.get("job"));
        } else if (path.startsWith("/api/v1/approvals/")) {
            path = path.replace("{id}", ids.get("approval"));
        } else if (path.startsWith("/api/v1/write-backs/")) {
            path = path.replace("{id}", ids.get("writeBack"));
        } else if (path.startsWith("/api/v1/history-imports/")) {
            path = path.replace("{id}", ids.get("import"));
        } else if (path.startsWith("/api/v1/intake/documents/")) {
            path = path.replace("{id}", ids.get("document"));
        } else if (path.startsWith("/api/v1/webhook-subscriptions/")) {
            path = path.replace("{id}", ids.get("webhook"));
        } else if (path.startsWith("/api/v1/tenants/")) {
            path = path.replace("{id}", tenant);
        }
        return path.replace("{login}", "boss@" + tenant).replace("{policyId}", "north-first").replace("{version}", "1")
                .replace("{overrideId}", ids.get("override")).replace("{clientId}", ids.get("client"));
    }
}
