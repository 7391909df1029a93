package health.ordo.bootstrap;

import com.sun.net.httpserver.HttpServer;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import health.ordo.spi.http.OutboundPolicy;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Black box: the application started as a deployment would start it, a tenant administrator trying to make Ordo reach
 * the platform (its environment, loopback, the cloud metadata service, the private network), and a local listener that
 * must receive nothing. With the deployment's allow-list admitting loopback ({@code ORDO_OUTBOUND_ALLOW=127.0.0.1/32},
 * here as its property {@code ordo.outbound.allow}), the same connector syncs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboundSecurityTest {

    private static final String TENANT = "outb-" + Long.toHexString(System.nanoTime()).substring(0, 6);
    private static final String ADMIN = "ada@" + TENANT;
    private static final String PASSWORD = "password-of-ada";

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer listener;
    private final ErpConnectorTest.FakeOracle oracle = new ErpConnectorTest.FakeOracle();

    @BeforeAll
    void listen() throws IOException {
        listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        listener.start();
    }

    @AfterAll
    void stop() {
        listener.stop(0);
        oracle.close();
    }

    private String listenerUrl() {
        return "http://127.0.0.1:" + listener.getAddress().getPort();
    }

    /** The application with the given outbound allow-list; the tenant and its administrator exist in it. */
    private ApplicationContext start(String allow) {
        ApplicationContext app = ApplicationContext.run(EmbeddedServer.class, Map.of("ordo.outbound.allow", allow,
                "ordo.connectors-initial-delay", "1h", "ordo.write-back.initial-delay", "1h"), "test").getApplicationContext();
        app.getBean(ProvisionTenantUseCase.class).provision(TenantId.of(TENANT), "Outbound test", List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse(ADMIN), "Ada", PASSWORD, Set.of(Role.TENANT_ADMIN))));
        return app;
    }

    private static ApiClient api(ApplicationContext app) {
        return new ApiClient(app.getBean(EmbeddedServer.class).getURI(), app.getBean(JsonMapper.class));
    }

    private static Map<String, Object> connector(String baseUrl, Map<String, String> options, Map<String, String> secrets) {
        return Map.of("type", "oracle-fusion-invoice-holds", "baseUrl", baseUrl, "options", options, "secrets", secrets);
    }

    @Test
    void aTenantAdministrator_reachesNeitherTheEnvironmentNorThePlatformsNetwork_unlessTheDeploymentAdmitsIt() {
        // with loopback admitted by the deployment, the connector syncs, sending the password it was given as a value
        try (ApplicationContext app = start("127.0.0.1/32")) {
            ApiClient api = api(app);
            String admin = api.login(ADMIN, PASSWORD);
            ApiClient.Response saved = api.put("/api/v1/connectors/probe1", admin, connector(oracle.url(),
                    Map.of("auth", "basic", "username", "u"), Map.of("password", "p-value")));
            ApiClient.Response synced = api.post("/api/v1/connectors/probe1:sync", admin, Map.of());

            assertThat(saved.status()).isEqualTo(201);
            assertThat(synced.status()).isEqualTo(200);
            assertThat(synced.string("health")).isEqualTo("UP");
            assertThat(oracle.holdRequests.get()).isPositive();
            assertThat(oracle.lastAuthorization).isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString("u:p-value".getBytes()));
        }

        // the deployment default admits nothing that is not public
        try (ApplicationContext app = start("")) {
            ApiClient api = api(app);
            String admin = api.login(ADMIN, PASSWORD);
            int pulledBefore = oracle.holdRequests.get();

            ApiClient.Response storedEarlier = api.post("/api/v1/connectors/probe1:sync", admin, Map.of());
            assertThat(storedEarlier.string("health")).as("a connector stored before is refused at its request").isEqualTo("DOWN");
            assertThat(storedEarlier.string("healthReason")).contains(OutboundPolicy.REFUSED);
            assertThat(oracle.holdRequests.get()).isEqualTo(pulledBefore);

            Map<String, String> basic = Map.of("auth", "basic", "username", "u");
            List<ApiClient.Response> attempts = List.of(
                    api.put("/api/v1/connectors/probe2", admin, connector("https://93.184.216.34/", basic, Map.of("password", "env:HOME"))),
                    api.put("/api/v1/connectors/probe2", admin, connector("https://93.184.216.34/", basic,
                            Map.of("password", "env:SOME_UNSET_NAME"))),
                    api.put("/api/v1/connectors/probe2", admin, connector(listenerUrl(), basic, Map.of("password", "p"))),
                    api.put("/api/v1/connectors/probe2", admin, connector("https://127.0.0.1:" + listener.getAddress().getPort(), basic,
                            Map.of("password", "p"))),
                    api.put("/api/v1/connectors/probe2", admin, connector("http://169.254.169.254/latest/meta-data", basic,
                            Map.of("password", "p"))),
                    api.put("/api/v1/connectors/probe2", admin, connector("https://10.0.0.1/", basic, Map.of("password", "p"))),
                    api.put("/api/v1/connectors/probe2", admin, connector("https://93.184.216.34/", Map.of("auth", "oauth-client-credentials",
                            "client-id", "c", "token-url", listenerUrl() + "/token"), Map.of("client-secret", "s"))),
                    api.put("/api/v1/connectors/probe1", admin, connector("https://93.184.216.34/", basic, Map.of())),
                    api.post("/api/v1/connectors/probe2:sync", admin, Map.of()));

            assertThat(attempts).allSatisfy(response -> {
                assertThat(response.status()).isBetween(400, 499);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.raw().body()).doesNotContain(System.getenv().getOrDefault("HOME", "/nonexistent-home"))
                        .doesNotContain("not set");
            });
            assertThat(attempts.get(0).list("errors")).extracting(e -> e.get("field")).containsExactly("secrets.password");
            assertThat(attempts.get(2).string("detail")).contains(OutboundPolicy.REFUSED);
            assertThat(attempts.get(6).list("errors")).extracting(e -> e.get("field")).containsExactly("options.token-url");
            assertThat(attempts.get(7).list("errors")).as("stored credentials never follow a connector elsewhere")
                    .extracting(e -> e.get("field")).containsExactly("secrets.password");
            assertThat(received).as("the listener on 127.0.0.1 received nothing").isEmpty();
            assertThat(oracle.holdRequests.get()).isEqualTo(pulledBefore);
        }
    }
}
