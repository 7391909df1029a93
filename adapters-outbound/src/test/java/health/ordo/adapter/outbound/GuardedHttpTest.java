package health.ordo.adapter.outbound;

import health.ordo.spi.http.Auth;
import health.ordo.spi.http.OutboundPolicy;
import health.ordo.spi.http.OutboundRefusedException;
import health.ordo.spi.http.SourceHttp;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbound channel: vetted addresses only, no redirects, bounded bodies and one deadline for the whole exchange. */
class GuardedHttpTest {

    private final HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();

    GuardedHttpTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", exchange -> {
            hits.incrementAndGet();
            byte[] body = "{\"ok\":true}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/big", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no length announced
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write(new byte[1024]);
                }
            }
        });
        server.createContext("/drip", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            try {
                for (int i = 0; i < 50; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(200);
                }
                out.close();
            } catch (InterruptedException | IOException e) {
                exchange.close();
            }
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/ok");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String host, String path) {
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + path);
    }

    @Test
    void givenANameThatResolvesToLoopbackAfterItWasChecked_nothingReachesLoopback() throws IOException {
        AtomicInteger lookups = new AtomicInteger();
        OutboundPolicy rebinding = OutboundPolicy.allowing("93.184.216.34/32").withResolver(host -> new InetAddress[]{
                InetAddress.getByName(lookups.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1")});
        try (GuardedHttp http = new GuardedHttp(rebinding)) {
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(url("rebind.example.com", "/ok")).GET().build(), Duration.ofSeconds(5)))
                    .isInstanceOf(OutboundRefusedException.class);
        }
        assertThat(hits).hasValue(0);
    }

    @Test
    void givenTheStrictPolicy_loopback_isNeverContacted() throws IOException {
        try (GuardedHttp http = new GuardedHttp(OutboundPolicy.strict())) {
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(url("127.0.0.1", "/ok")).GET().build(), Duration.ofSeconds(5)))
                    .isInstanceOf(OutboundRefusedException.class);
        }
        assertThat(hits).hasValue(0);
    }

    @Test
    void aRedirect_isAnsweredAsItIs_neverFollowed() throws IOException {
        try (GuardedHttp http = new GuardedHttp(OutboundPolicy.allowing("127.0.0.1/32"))) {
            assertThat(http.send(HttpRequest.newBuilder(url("127.0.0.1", "/moved")).GET().build(), Duration.ofSeconds(5)).statusCode())
                    .isEqualTo(302);
        }
        assertThat(hits).hasValue(0);
    }

    @Test
    void aBodyLongerThanTheCap_failsTheRequest_evenWithoutAnAnnouncedLength() throws IOException {
        OutboundPolicy small = OutboundPolicy.of("127.0.0.1/32", 8 * 1024, Duration.ofSeconds(60));
        try (GuardedHttp http = new GuardedHttp(small)) {
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(url("127.0.0.1", "/big")).GET().build(), Duration.ofSeconds(5)))
                    .isInstanceOf(IOException.class).hasMessageContaining("larger than");
        }
    }

    @Test
    void aSourceThatDripsItsBody_failsAtTheDeadline_thoughEachByteCameInTime() throws IOException {
        try (GuardedHttp http = new GuardedHttp(OutboundPolicy.allowing("127.0.0.1/32"))) {
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(url("127.0.0.1", "/drip")).GET().build(), Duration.ofSeconds(1)))
                    .isInstanceOf(HttpTimeoutException.class);
        }
    }

    @Test
    void aSuccessfulExchange_carriesStatusHeadersAndBody() throws IOException {
        try (GuardedHttp http = new GuardedHttp(OutboundPolicy.allowing("127.0.0.1/32"))) {
            var response = http.send(HttpRequest.newBuilder(url("127.0.0.1", "/ok")).POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", "application/json").build(), Duration.ofSeconds(5));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"ok\":true}");
        }
    }
}
