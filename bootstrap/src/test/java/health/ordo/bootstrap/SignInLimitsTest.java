package health.ordo.bootstrap;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Limits before sign-in: a per-address sign-in rate, and body limits counted on the bytes received, chunked bodies too. */
@MicronautTest(transactional = false)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
@Property(name = "ordo.rate-limit.sign-in-burst", value = "4")
@Property(name = "ordo.rate-limit.sign-in-per-minute", value = "1")
class SignInLimitsTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A body sent without a declared length (chunked transfer coding). */
    private HttpResponse<String> chunked(String path, String token, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void chunkedBodiesBeyondTheEndpointsLimit_are413_countedOnTheBytesReceived() throws Exception {
        ApiClient api = new ApiClient(server.getURI(), json);
        String token = api.login("sam@demo", "sam-ordo-demo1");
        String hugeTitle = "{\"title\":\"" + "x".repeat(3_000_000) + "\"}";
        String bigLogin = "{\"username\":\"" + "a".repeat(40_000) + "@demo\",\"password\":\"p\"}";

        HttpResponse<String> json = chunked("/api/v1/work-items", token, "application/json", hugeTitle.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> signIn = chunked("/login", null, "application/json", bigLogin.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> small = chunked("/api/v1/work-items", token, "application/json", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(json.statusCode()).isEqualTo(413);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(signIn.statusCode()).as("sign-in takes a small body").isEqualTo(413);
        assertThat(small.statusCode()).as("a small chunked body is read as usual (and found wanting)").isIn(400, 422);
        assertThat(small.body()).contains("\"status\"").doesNotContain("too large");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void signInAttemptsFromOneAddress_areRateLimited_with429AndRetryAfter() throws Exception {
        List<HttpResponse<String>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // each claiming another origin: headers a client sets itself buy no fresh budget
            attempts.add(http.send(HttpRequest.newBuilder(server.getURI().resolve(i % 2 == 0 ? "/login" : "/login/"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100." + i)
                    .header("Forwarded", "for=203.0.113." + i)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"nobody@demo\",\"password\":\"guess-" + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        HttpResponse<String> limited = attempts.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertThat(attempts).filteredOn(r -> r.statusCode() == 401).hasSizeLessThanOrEqualTo(4);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
}
