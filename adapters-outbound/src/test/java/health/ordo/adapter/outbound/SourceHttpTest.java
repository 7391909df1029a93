package health.ordo.adapter.outbound;

import health.ordo.spi.http.Auth;
import health.ordo.spi.http.OutboundPolicy;
import health.ordo.spi.http.OutboundRefusedException;
import health.ordo.spi.http.SourceHttp;

import com.sun.net.httpserver.HttpServer;
import health.ordo.spi.HealthReport;
import health.ordo.spi.SourceUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a source's refusals mean to the adapter: when to come back (Retry-After) and when not to try again at once. */
class SourceHttpTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private final HttpServer server;

    SourceHttpTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String[]> answers = Map.of(
                "/busy", new String[]{"429", "30"},
                "/maintenance", new String[]{"503", "Sun, 29 Nov 2026 10:02:00 GMT"},
                "/broken", new String[]{"500", null},
                "/locked", new String[]{"401", null});
        answers.forEach((path, answer) -> server.createContext(path, exchange -> {
            if (answer[1] != null) {
                exchange.getResponseHeaders().add("Retry-After", answer[1]);
            }
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), -1);
            exchange.close();
        }));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private SourceHttp http() {
        return new SourceHttp(new GuardedHttp(OutboundPolicy.allowing("127.0.0.1/32")), Auth.none(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).GET();
    }

    @Test
    void retryAfter_inSecondsOrAsADate_isCarriedByTheFailure() {
        assertThatThrownBy(() -> http().exchange(get("/busy"))).isInstanceOfSatisfying(SourceUnavailableException.class, e -> {
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("429").contains("retry after 30 s");
        });
        assertThatThrownBy(() -> http().exchange(get("/maintenance"))).isInstanceOfSatisfying(SourceUnavailableException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofMinutes(2)));
        assertThatThrownBy(() -> http().exchange(get("/broken"))).isInstanceOfSatisfying(SourceUnavailableException.class,
                e -> assertThat(e.retryAfter()).isEmpty());
    }

    @Test
    void refusedCredentials_areNotRetryable_andTheSourceIsDown() {
        SourceHttp http = http();

        assertThatThrownBy(() -> http.send(get("/locked"))).isInstanceOfSatisfying(SourceUnavailableException.class,
                e -> assertThat(e.retryable()).isFalse());
        assertThat(http.health().status()).isEqualTo(HealthReport.Status.DOWN);
    }
}
