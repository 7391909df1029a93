package health.ordo.bootstrap;

import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JSON endpoint the router knows (each POST, PUT and PATCH under {@code /api}, {@code /login}, {@code /oauth/token})
 * gets seeded random bodies — well-formed JSON with the API's own field names and hostile values (control characters,
 * huge and negative numbers, wrong types, deep nesting, nulls) and broken JSON — as a tenant administrator: the answer is
 * a 4xx or a 2xx, never a 5xx. The seed is fixed, so a failure replays.
 */
@MicronautTest(transactional = false)
class ApiFuzzTest {

    private static final String[] FIELDS = {"type", "name", "title", "source", "system", "externalId", "amount", "value", "currency",
            "dueAt", "hardDeadlineAt", "attributes", "queue", "queues", "assignee", "worker", "capacity", "available", "skills", "weight",
            "hours", "zone", "holidays", "reason", "resolutionCode", "target", "reasonCode", "expiresAt", "comment", "items", "ids",
            "rules", "factors", "weights", "policyId", "version", "baseUrl", "options", "secrets", "enabled", "intervalSeconds",
            "pageSize", "position", "when", "field", "operator", "targetQueue", "displayName", "primaryColor", "accentColor", "logoUrl",
            "terminology", "username", "password", "start", "end", "stages", "goal", "deadline", "kinds", "writeOffThreshold", "roles",
            "clientId", "scopes", "limit", "cursor", "id", "tenant", "adminLogin", "adminPassword", "calendarId", "threshold"};

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Router router;
    @Inject
    ProvisionTenantUseCase provision;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyJsonEndpoint_answersRandomAndBrokenBodies_withoutA5xx() throws Exception {
        String tenant = FreshTenant.provision(provision, "fuzz");
        String ada = new ApiClient(server.getURI(), json).login("ada@" + tenant, FreshTenant.ADA);
        Set<String> routes = new TreeSet<>();
        router.uriRoutes().forEach(r -> {
            String template = r.getUriMatchTemplate().toString().replaceAll("\\{\\?[^}]*}", "");
            String method = r.getHttpMethodName();
            if ((method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))
                    && (template.startsWith("/api/") || template.equals("/login") || template.equals("/oauth/token"))) {
                routes.add(method + " " + template);
            }
        });
        assertThat(routes).hasSizeGreaterThan(40);
        Random random = new Random(20261205L);
        List<String> failures = new ArrayList<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            for (int i = 0; i < 12; i++) {
                String path = route.substring(route.indexOf(' ') + 1).replace("{id}", i % 3 == 0 ? "fuzz-" + i : UUID.randomUUID().toString())
                        .replace("{login}", "ada@" + tenant).replace("{version}", String.valueOf(random.nextInt(3)))
                        .replaceAll("\\{[^}]+}", i % 2 == 0 ? "x" : UUID.randomUUID().toString());
                String body = i < 9 ? object(random, 0).toString() : broken(random);
                HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURI() + path)).header("Authorization", "Bearer " + ada)
                        .header("Content-Type", route.contains("/x12/") ? "application/edi-x12" : "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 500) {
                    failures.add(route + " → " + response.statusCode() + " for " + body);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static StringBuilder object(Random random, int depth) {
        StringBuilder out = new StringBuilder("{");
        int fields = random.nextInt(6) + (depth == 0 ? 2 : 0);
        for (int f = 0; f < fields; f++) {
            out.append(f == 0 ? "" : ",").append('"').append(FIELDS[random.nextInt(FIELDS.length)]).append("\":").append(value(random, depth));
        }
        return out.append('}');
    }

    private static String value(Random random, int depth) {
        return switch (random.nextInt(depth > 2 ? 9 : 11)) {
            case 0 -> "null";
            case 1 -> String.valueOf(random.nextBoolean());
            case 2 -> String.valueOf(random.nextInt(5) == 0 ? Long.MAX_VALUE : random.nextInt(2000) - 1000);
            case 3 -> random.nextBoolean() ? "1e309" : "-0.000000000000000000001";
            case 4 -> "\"" + List.of("INVOICE_HOLD", "READY", "2026-12-04T10:00:00Z", "USD", "#1A5FB4", "MONDAY", "09:00", "eq", "basic",
                    "https://example.org/x", "").get(random.nextInt(11)) + "\"";
            case 5 -> "\"" + "x".repeat(random.nextInt(3) == 0 ? 5000 : 3) + "\"";
            case 6 -> "\"a\\u000" + random.nextInt(9) + "b\"";
            case 7 -> "\"\\ud800\"";
            case 8 -> "\"" + UUID.randomUUID() + "\"";
            case 9 -> object(random, depth + 1).toString();
            default -> "[" + value(random, depth + 1) + "," + value(random, depth + 1) + "]";
        };
    }

    private static String broken(Random random) {
        return List.of("", "{", "[1,2", "{\"type\":}", "null", "\"text\"", "{\"a\":1}}", "{\"\u0000\":1}", "\u00ff\u00fe{}").get(random.nextInt(9));
    }
}
