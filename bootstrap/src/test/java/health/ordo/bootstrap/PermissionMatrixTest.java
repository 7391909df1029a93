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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls every API endpoint the router knows with every role and checks the security layer's answer against the
 * permission matrix of docs/security.md. An endpoint missing from the matrix fails the test, so none is forgotten.
 */
@MicronautTest(transactional = false)
class PermissionMatrixTest {

    private static final Set<String> TENANT_ROLES = Set.of("WORKER", "SUPERVISOR", "TENANT_ADMIN", "INTEGRATION");
    private static final Set<String> HUMANS = Set.of("WORKER", "SUPERVISOR", "TENANT_ADMIN");
    private static final Set<String> LEADS = Set.of("SUPERVISOR", "TENANT_ADMIN");
    private static final Set<String> ADMIN = Set.of("TENANT_ADMIN");

    /** Method and route template → roles the security layer lets through. */
    static final Map<String, Set<String>> MATRIX = new LinkedHashMap<>();

    static {
        MATRIX.put("GET /api/v1/work-items{?status,type,queue,assignee,sla,limit,cursor}", TENANT_ROLES);
        MATRIX.put("GET /api/v1/work-items/{id}", TENANT_ROLES);
        MATRIX.put("GET /api/v1/work-items/{id}/score", TENANT_ROLES);
        MATRIX.put("GET /api/v1/work-items/{id}/sla", TENANT_ROLES);
        MATRIX.put("GET /api/v1/fhir/Task", TENANT_ROLES);
        MATRIX.put("GET /api/v1/fhir/Task/{id}", TENANT_ROLES);
        for (String conformance : List.of("metadata", "CodeSystem", "CodeSystem/{id}", "ValueSet", "ValueSet/{id}", "StructureDefinition",
                "StructureDefinition/{id}")) { // public without a token (they describe the software); a platform admin's token is refused on /api/v1 as always
            MATRIX.put("GET /api/v1/fhir/" + conformance, TENANT_ROLES);
        }
        MATRIX.put("POST /api/v1/work-items", TENANT_ROLES);
        MATRIX.put("POST /api/v1/work-items:batch", TENANT_ROLES);
        for (String action : List.of("claim", "start", "hold", "resume", "complete", "cancel", "release")) {
            MATRIX.put("POST /api/v1/work-items/{id}/" + action, HUMANS);
        }
        MATRIX.put("POST /api/v1/work/next", HUMANS);
        MATRIX.put("POST /api/v1/work-items/{id}/assign", LEADS);
        MATRIX.put("POST /api/v1/work-items/{id}/transfer", LEADS);
        MATRIX.put("POST /api/v1/work-items/{id}/reroute", LEADS);
        MATRIX.put("POST /api/v1/work-items:assign", LEADS);
        MATRIX.put("POST /api/v1/work-items/{id}/priority-override", HUMANS);
        MATRIX.put("POST /api/v1/work-items/{id}/priority-override/{overrideId}:approve", LEADS);
        MATRIX.put("GET /api/v1/priority-policies", LEADS);
        MATRIX.put("GET /api/v1/priority-policies/{policyId}/versions/{version}", LEADS);
        MATRIX.put("GET /api/v1/jobs/{id}", LEADS);
        MATRIX.put("GET /api/v1/priority-settings", LEADS);
        MATRIX.put("POST /api/v1/priority-policies", ADMIN);
        MATRIX.put("POST /api/v1/priority-policies:simulate", ADMIN);
        MATRIX.put("POST /api/v1/priority-policies/{policyId}/versions/{version}:activate", ADMIN);
        MATRIX.put("PUT /api/v1/priority-settings", ADMIN);
        MATRIX.put("GET /api/v1/calendars/{id}", LEADS);
        MATRIX.put("GET /api/v1/calendars", LEADS);
        MATRIX.put("GET /api/v1/code-sets", TENANT_ROLES);
        MATRIX.put("GET /api/v1/code-sets/carc/{code}", TENANT_ROLES);
        MATRIX.put("GET /api/v1/code-sets/rarc/{code}", TENANT_ROLES);
        MATRIX.put("POST /api/v1/code-sets", ADMIN);
        MATRIX.put("POST /api/v1/code-sets/deployment", Set.of("PLATFORM_ADMIN"));
        MATRIX.put("PUT /api/v1/calendars/{id}", ADMIN);
        MATRIX.put("POST /api/v1/calendars/{id}:import", ADMIN);
        MATRIX.put("GET /api/v1/calendars/{id}:export", LEADS);
        MATRIX.put("GET /api/v1/sla-policies", LEADS);
        MATRIX.put("POST /api/v1/sla-policies", ADMIN);
        MATRIX.put("GET /api/v1/queues", LEADS);
        MATRIX.put("GET /api/v1/queues/{id}", LEADS);
        MATRIX.put("GET /api/v1/queues/{id}/stats", LEADS);
        MATRIX.put("PUT /api/v1/queues/{id}", ADMIN);
        MATRIX.put("DELETE /api/v1/queues/{id}", ADMIN);
        MATRIX.put("GET /api/v1/workers", LEADS);
        MATRIX.put("GET /api/v1/workers/{login}", LEADS);
        MATRIX.put("PUT /api/v1/workers/{login}", ADMIN);
        MATRIX.put("DELETE /api/v1/workers/{login}", ADMIN);
        MATRIX.put("PUT /api/v1/workers/{login}/availability", LEADS);
        MATRIX.put("GET /api/v1/workers/{login}/schedule", LEADS);
        MATRIX.put("PUT /api/v1/workers/{login}/schedule", LEADS);
        MATRIX.put("GET /api/v1/routing-rules", LEADS);
        MATRIX.put("GET /api/v1/routing-rules/{id}", LEADS);
        MATRIX.put("PUT /api/v1/routing-rules/{id}", ADMIN);
        MATRIX.put("DELETE /api/v1/routing-rules/{id}", ADMIN);
        MATRIX.put("POST /api/v1/inbound/x12/835", Set.of("TENANT_ADMIN", "INTEGRATION"));
        MATRIX.put("POST /api/v1/inbound/fhir", Set.of("TENANT_ADMIN", "INTEGRATION"));
        MATRIX.put("GET /api/v1/write-backs", LEADS);
        MATRIX.put("POST /api/v1/write-backs/{id}:retry", LEADS);
        MATRIX.put("GET /api/v1/approval-settings", LEADS);
        MATRIX.put("PUT /api/v1/approval-settings", ADMIN);
        MATRIX.put("GET /api/v1/approvals{?status,limit}", LEADS);
        MATRIX.put("GET /api/v1/approvals/{id}", LEADS);
        MATRIX.put("POST /api/v1/approvals/{id}:approve", LEADS);
        MATRIX.put("POST /api/v1/approvals/{id}:reject", LEADS);
        for (String route : List.of("GET /api/v1/connector-types", "GET /api/v1/connectors", "GET /api/v1/connectors/{id}", "PUT /api/v1/connectors/{id}",
                "POST /api/v1/connectors/{id}:sync", "POST /api/v1/connectors/{id}/sync", "GET /api/v1/connectors/{id}/runs",
                "GET /api/v1/connectors/{id}/rejections", "GET /api/v1/api-clients", "POST /api/v1/api-clients",
                "POST /api/v1/api-clients/{clientId}:rotate", "DELETE /api/v1/api-clients/{clientId}", "GET /api/v1/audit",
                "POST /api/v1/audit:verify", "POST /api/v1/users/{login}:disable", "POST /api/v1/users/{login}:enable")) {
            MATRIX.put(route, ADMIN);
        }
        for (String insight : List.of("backlog", "flow", "durations", "sla", "quality", "acceptance", "money", "automation", "integration", "overrides")) {
            MATRIX.put("GET /api/v1/insights/" + insight, LEADS);
        }
        MATRIX.put("GET /api/v1/forecast/arrivals", LEADS);
        MATRIX.put("GET /api/v1/forecast/breaches", LEADS);
        MATRIX.put("GET /api/v1/forecast/staffing", LEADS);
        MATRIX.put("POST /api/v1/forecast/what-if", LEADS);
        MATRIX.put("GET /api/v1/forecast/allocation", LEADS);
        MATRIX.put("GET /api/v1/insights/anomalies", LEADS);
        MATRIX.put("POST /api/v1/insights/anomalies:detect", ADMIN);
        MATRIX.put("GET /api/v1/watch-settings", LEADS);
        MATRIX.put("PUT /api/v1/watch-settings", ADMIN);
        MATRIX.put("POST /api/v1/history:import", Set.of("TENANT_ADMIN", "INTEGRATION"));
        MATRIX.put("GET /api/v1/history-imports/columns", Set.of("TENANT_ADMIN", "INTEGRATION"));
        MATRIX.put("GET /api/v1/history-imports/{id}", Set.of("TENANT_ADMIN", "INTEGRATION"));
        MATRIX.put("GET /api/v1/history-imports/{id}/rejections", Set.of("TENANT_ADMIN", "INTEGRATION"));
        MATRIX.put("GET /api/v1/event-types", Set.of("SUPERVISOR", "TENANT_ADMIN", "INTEGRATION"));
        MATRIX.put("GET /api/v1/event-types/{name}", Set.of("SUPERVISOR", "TENANT_ADMIN", "INTEGRATION"));
        MATRIX.put("GET /api/v1/events", Set.of("TENANT_ADMIN", "INTEGRATION"));
        MATRIX.put("POST /api/v1/intake/documents", TENANT_ROLES);
        MATRIX.put("GET /api/v1/intake/documents", TENANT_ROLES);
        MATRIX.put("GET /api/v1/intake/documents/{id}", HUMANS);
        MATRIX.put("GET /api/v1/intake/documents/{id}/content", HUMANS);
        MATRIX.put("POST /api/v1/intake/documents/{id}:review", HUMANS);
        MATRIX.put("POST /api/v1/intake/documents/{id}:reprocess", LEADS);
        MATRIX.put("GET /api/v1/intake/models", LEADS);
        MATRIX.put("GET /api/v1/intake/models/{version}", LEADS);
        MATRIX.put("POST /api/v1/intake/models", ADMIN);
        MATRIX.put("POST /api/v1/intake/models/{version}:activate", ADMIN);
        MATRIX.put("POST /api/v1/intake/models:rollback", ADMIN);
        MATRIX.put("GET /api/v1/intake/settings", LEADS);
        MATRIX.put("PUT /api/v1/intake/settings", ADMIN);
        MATRIX.put("GET /api/v1/intake/monitoring", LEADS);
        MATRIX.put("POST /api/v1/intake/monitoring:check", LEADS);
        MATRIX.put("POST /api/v1/webhook-subscriptions", ADMIN);
        MATRIX.put("GET /api/v1/webhook-subscriptions", ADMIN);
        MATRIX.put("GET /api/v1/webhook-subscriptions/{id}", ADMIN);
        MATRIX.put("PATCH /api/v1/webhook-subscriptions/{id}", ADMIN);
        MATRIX.put("DELETE /api/v1/webhook-subscriptions/{id}", ADMIN);
        MATRIX.put("POST /api/v1/webhook-subscriptions/{id}:rotate-secret", ADMIN);
        MATRIX.put("GET /api/v1/webhook-subscriptions/{id}/deliveries", ADMIN);
        MATRIX.put("POST /api/v1/webhook-subscriptions/{id}:replay", ADMIN);
        MATRIX.put("POST /api/v1/tenants", Set.of("PLATFORM_ADMIN"));
        MATRIX.put("GET /api/v1/tenants", Set.of("PLATFORM_ADMIN"));
        MATRIX.put("GET /api/v1/tenants/{id}", Set.of("WORKER", "SUPERVISOR", "TENANT_ADMIN", "INTEGRATION", "PLATFORM_ADMIN"));
        MATRIX.put("GET /api/v1/tenants/{id}/branding", Set.of("WORKER", "SUPERVISOR", "TENANT_ADMIN", "INTEGRATION", "PLATFORM_ADMIN"));
        MATRIX.put("PUT /api/v1/tenants/{id}/branding", Set.of("TENANT_ADMIN", "PLATFORM_ADMIN"));
    }

    @Inject
    Router router;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyEndpoint_answersEveryRoleAsTheMatrixSays() throws Exception {
        String tenant = "pm-" + UUID.randomUUID().toString().substring(0, 6);
        List<ProvisionTenantUseCase.NewUser> users = new ArrayList<>();
        for (Role role : List.of(Role.WORKER, Role.SUPERVISOR, Role.TENANT_ADMIN, Role.INTEGRATION)) {
            users.add(new ProvisionTenantUseCase.NewUser(Login.parse(role.name().toLowerCase().replace('_', '-') + "@" + tenant), role.name(),
                    "password-of-" + role.name().toLowerCase(), Set.of(role)));
        }
        provision.provision(TenantId.of(tenant), "Permissions", users);
        String operator = "pm-" + UUID.randomUUID().toString().substring(0, 6) + "@platform";
        provision.provision(TenantId.of("platform"), "Ordo platform", List.of(new ProvisionTenantUseCase.NewUser(Login.parse(operator),
                "Ops", "password-of-platform", Set.of(Role.PLATFORM_ADMIN))));
        ApiClient api = new ApiClient(server.getURI(), json);
        Map<String, String> tokens = new LinkedHashMap<>();
        for (Role role : List.of(Role.WORKER, Role.SUPERVISOR, Role.TENANT_ADMIN, Role.INTEGRATION)) {
            tokens.put(role.name(), api.login(role.name().toLowerCase().replace('_', '-') + "@" + tenant, "password-of-" + role.name().toLowerCase()));
        }
        tokens.put("PLATFORM_ADMIN", api.login(operator, "password-of-platform"));

        Set<String> routes = new TreeSet<>();
        router.uriRoutes().forEach(r -> routes.add(r.getHttpMethodName() + " " + r.getUriMatchTemplate().toString()));
        Set<String> apiRoutes = new TreeSet<>(routes.stream().filter(r -> r.contains(" /api/") && !r.startsWith("HEAD ")
                && !r.contains(" /api/docs")).toList()); // the documentation page is public and no API endpoint
        assertThat(apiRoutes).as("every API endpoint is in the permission matrix").isSubsetOf(MATRIX.keySet());
        assertThat(routes).as("management endpoints stay off").noneMatch(r -> r.matches("\\S+ /(beans|routes|threaddump|refresh|flyway|token_info).*"));

        List<String> mismatches = new ArrayList<>();
        for (String route : apiRoutes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{\\?[^}]*}", "").replace("{id}", tenantOrId(route, tenant))
                    .replaceAll("\\{[^}]+}", "x");
            for (Map.Entry<String, String> token : tokens.entrySet()) {
                HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path)).header("Authorization", "Bearer " + token.getValue())
                        .header("Content-Type", route.contains("/x12/") ? "text/plain" : route.contains("history:import") ? "text/csv"
                                : route.contains("calendars/{id}:import") ? "text/calendar" : "application/json").method(method, method.equals("GET") || method.equals("DELETE")
                                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                boolean denied = response.statusCode() == 403 && response.body().contains("Your roles do not allow this request");
                boolean expected = MATRIX.get(route).contains(token.getKey());
                if (response.statusCode() == 401 || denied == expected) {
                    mismatches.add(route + " as " + token.getKey() + ": " + response.statusCode() + (expected ? " (should be allowed)" : " (should be refused)"));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** Branding routes take a tenant id; the others an entity id. */
    private static String tenantOrId(String route, String tenant) {
        return route.contains("/tenants/") ? tenant : UUID.randomUUID().toString();
    }
}
