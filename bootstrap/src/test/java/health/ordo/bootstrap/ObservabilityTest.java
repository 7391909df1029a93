package health.ordo.bootstrap;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator watches: the Prometheus scrape with Ordo's own meters beside HTTP, JVM and the pool, for the
 * operator only; liveness apart from readiness; the trace id of a request in its problem answer and its log lines.
 */
@MicronautTest(transactional = false)
class ObservabilityTest {

    private static final String SCRAPE_TOKEN = "test-scrape-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void aScrapeAfterAClaimFindsOrdosOwnMetricsBesideHttpJvmAndThePool() throws Exception {
        ApiClient api = new ApiClient(server.getURI(), json);
        String alice = api.login("alice@demo", "alice-ordo-demo");
        double claimedBefore = value(scrape("Bearer " + SCRAPE_TOKEN).body(), "ordo_claims_total{outcome=\"claimed\"}");

        ApiClient.Response next = api.post("/api/v1/work/next", alice, Map.of());
        assertThat(next.status()).isEqualTo(200);
        String item = next.string("id");
        String queue = next.string("queue");
        try {
            HttpResponse<String> scrape = scrape("Bearer " + SCRAPE_TOKEN);
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            String body = scrape.body();
            assertThat(value(body, "ordo_claims_total{outcome=\"claimed\"}")).isGreaterThanOrEqualTo(claimedBefore + 1);
            assertThat(value(body, "ordo_queue_items{queue=\"" + queue + "\",status=\"CLAIMED\",tenant=\"demo\"}")).isGreaterThanOrEqualTo(1);
            assertThat(value(body, "ordo_queue_oldest_ready_age_seconds{queue=\"" + queue + "\",tenant=\"demo\"}")).isGreaterThanOrEqualTo(0);
            assertThat(body).contains("ordo_claim_duration_seconds_count", "ordo_sla_breached_items{", "ordo_rescore_lag_seconds ",
                    "ordo_outbox_lag_seconds ", "ordo_escalations_overdue ", "ordo_escalations_fired_last_hour{late=\"true\"}",
                    "http_server_requests_seconds_count{", "uri=\"/api/v1/work/next\"", "jvm_memory_used_bytes{",
                    "hikaricp_connections_active{");
            // bounded labels: no item id and no person in any label
            assertThat(body).doesNotContain(item).doesNotContain("alice");
        } finally {
            api.post("/api/v1/work-items/" + item + "/release", alice, Map.of());
        }
    }

    @Test
    void metricsAreForTheOperatorOnly() throws Exception {
        ApiClient api = new ApiClient(server.getURI(), json);
        String worker = api.login("alice@demo", "alice-ordo-demo");
        String operator = api.login("ops@platform", "ops-ordo-demo1");

        assertThat(scrape(null).statusCode()).isEqualTo(401);
        assertThat(scrape("Bearer " + worker).statusCode()).isEqualTo(403);
        assertThat(scrape("Bearer not-the-scrape-token").statusCode()).isEqualTo(403);
        assertThat(scrape("Bearer " + operator).statusCode()).isEqualTo(200);
        assertThat(scrape("Bearer " + SCRAPE_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void livenessAndReadinessAreSeparateAndReadinessReportsTheSchema() throws Exception {
        HttpResponse<String> liveness = get("/health/liveness", null);
        HttpResponse<String> readiness = get("/health/readiness", null);
        ApiClient api = new ApiClient(server.getURI(), json);
        HttpResponse<String> detailed = get("/health/readiness", "Bearer " + api.login("ops@platform", "ops-ordo-demo1"));

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"").doesNotContain("schema");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
        assertThat(detailed.body()).contains("\"schema\"").containsPattern("\"version\":\"\\d+\"").contains("jdbc");
    }

    @Test
    void aProblemAnswerCarriesTheRequestsTraceIdWhichItsLogLinesCarryToo() throws Exception {
        String caller = "4bf92f3577b34da6a3ce929d0e0e4736";
        ApiClient api = new ApiClient(server.getURI(), json);
        String ada = api.login("ada@demo", "ada-ordo-demo1");

        HttpResponse<String> ownTrace = send(HttpRequest.newBuilder(server.getURI().resolve("/api/v1/work-items"))
                .header("Authorization", "Bearer " + ada).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": 1}")));
        HttpResponse<String> continued = send(HttpRequest.newBuilder(server.getURI().resolve("/api/v1/work-items"))
                .header("Authorization", "Bearer " + ada).header("Content-Type", "application/json")
                .header("traceparent", "00-" + caller + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": 1}")));

        assertThat(ownTrace.statusCode()).isEqualTo(400);
        assertThat(ownTrace.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        String traceId = traceId(ownTrace.body());
        assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        // a caller's W3C trace context is continued: its trace id is the answer's
        assertThat(traceId(continued.body())).isEqualTo(caller);
        // the log line of the answer (JSON lines, as with ORDO_LOG_FORMAT=json) carries the same trace id
        String logged = Files.readString(Path.of("target/test-logs/bootstrap-tests.log"), StandardCharsets.UTF_8);
        assertThat(logged.lines().filter(line -> line.contains("\"trace_id\":\"" + traceId + "\""))
                .anyMatch(line -> line.contains("answered 400"))).isTrue();
    }

    private HttpResponse<String> scrape(String authorization) throws IOException, InterruptedException {
        return get("/metrics", authorization);
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String traceId(String problem) {
        Matcher m = Pattern.compile("\"traceId\":\"([^\"]+)\"").matcher(problem);
        assertThat(m.find()).as("traceId in " + problem).isTrue();
        return m.group(1);
    }

    /** The value of one sample line of the Prometheus text format ({@code name{labels} value}); 0 when absent. */
    private static double value(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim())).orElse(0.0);
    }
}
