package health.ordo.bootstrap;

import health.ordo.adapter.persistence.embedded.EmbeddedPostgresServer;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Ordo nodes on one PostgreSQL share a caller's bucket and the sign-in back-off: the caller gets its limit once,
 * and a password guesser its free failures once, not once per node.
 */
@MicronautTest(transactional = false)
@Property(name = "ordo.rate-limit.caller-burst", value = "6")
@Property(name = "ordo.rate-limit.caller-per-second", value = "0.001")
@Property(name = "ordo.rate-limit.local-tokens", value = "0")
@Property(name = "ordo.login.max-failures", value = "4")
class TwoNodeRateLimitTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;
    @Inject
    EmbeddedPostgresServer postgres;

    @Test
    void aCallersBurst_isSharedByBothNodes() {
        String tenant = "rl2-" + UUID.randomUUID().toString().substring(0, 6);
        provision.provision(TenantId.of(tenant), "Two nodes", List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse("wally@" + tenant), "Wally", "password-of-wally", Set.of(Role.WORKER))));
        Map<String, Object> second = SecondNode.properties(postgres, "rate-limit-node-secret-that-is-long-enough-0123456789");
        second.put("micronaut.server.port", "-1");
        second.put("ordo.rate-limit.caller-burst", "6");
        second.put("ordo.rate-limit.caller-per-second", "0.001");
        second.put("ordo.rate-limit.local-tokens", "0");
        second.put("ordo.login.max-failures", "4");
        try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, second, "test")) {
            ApiClient a = new ApiClient(server.getURI(), json);
            ApiClient b = new ApiClient(other.getURI(), json);
            String onA = a.login("wally@" + tenant, "password-of-wally");
            String onB = b.login("wally@" + tenant, "password-of-wally");

            List<Integer> fromA = new ArrayList<>();
            List<Integer> fromB = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                fromA.add(a.get("/api/v1/work-items?limit=1", onA).status());
                fromB.add(b.get("/api/v1/work-items?limit=1", onB).status());
            }

            assertThat(fromA.subList(0, 3)).as("each node served the first requests").containsOnly(200);
            assertThat(fromB.subList(0, 3)).containsOnly(200);
            assertThat(fromA.subList(3, 8)).as("the shared burst of 6 is spent").containsOnly(429);
            assertThat(fromB.subList(3, 8)).containsOnly(429);
        }
    }

    @Test
    void passwordGuessesSpreadOverBothNodes_areCountedTogether() {
        String tenant = "bo2-" + UUID.randomUUID().toString().substring(0, 6);
        provision.provision(TenantId.of(tenant), "Two nodes", List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse("eve@" + tenant), "Eve", "password-of-eve1", Set.of(Role.WORKER))));
        Map<String, Object> second = SecondNode.properties(postgres, "back-off-node-secret-that-is-long-enough-0123456789");
        second.put("micronaut.server.port", "-1");
        second.put("ordo.login.max-failures", "4");
        try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, second, "test")) {
            ApiClient a = new ApiClient(server.getURI(), json);
            ApiClient b = new ApiClient(other.getURI(), json);
            List<Integer> guesses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                guesses.add((i % 2 == 0 ? a : b).post("/login", null, Map.of("username", "eve@" + tenant, "password", "guess-" + i)).status());
            }
            ApiClient.Response rightOnA = a.post("/login", null, Map.of("username", "eve@" + tenant, "password", "password-of-eve1"));
            ApiClient.Response rightOnB = b.post("/login", null, Map.of("username", "eve@" + tenant, "password", "password-of-eve1"));

            assertThat(guesses).containsOnly(401);
            assertThat(rightOnA.status()).as("2 guesses on each node make 4: the back-off holds on both").isEqualTo(401);
            assertThat(rightOnB.status()).isEqualTo(401);
        }
    }
}
