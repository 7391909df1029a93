package health.ordo.bootstrap;

import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
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

/** A burst beyond the caller's bucket is 429 with Retry-After; repeated failed sign-ins lock the username for a while. */
@MicronautTest(transactional = false)
@Property(name = "ordo.rate-limit.caller-burst", value = "5")
@Property(name = "ordo.rate-limit.caller-per-second", value = "1")
@Property(name = "ordo.login.max-failures", value = "3")
class RateLimitTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;

    @Test
    void burstBeyondTheBucket_is429WithRetryAfter_andRepeatedFailedSignInsLockTheUser() {
        String tenant = "rl-" + UUID.randomUUID().toString().substring(0, 6);
        provision.provision(TenantId.of(tenant), "Rate limits", List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse("wally@" + tenant), "Wally", "password-of-wally", Set.of(Role.WORKER)),
                new ProvisionTenantUseCase.NewUser(Login.parse("eve@" + tenant), "Eve", "password-of-eve1", Set.of(Role.WORKER))));
        ApiClient api = new ApiClient(server.getURI(), json);
        String token = api.login("wally@" + tenant, "password-of-wally");

        List<ApiClient.Response> burst = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            burst.add(api.get("/api/v1/work-items?limit=1", token));
        }
        List<Integer> failures = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            failures.add(api.post("/login", null, Map.of("username", "eve@" + tenant, "password", "guess-" + i)).status());
        }
        ApiClient.Response rightPasswordWhileLocked = api.post("/login", null, Map.of("username", "eve@" + tenant, "password", "password-of-eve1"));
        ApiClient.Response spacedWhileLocked = api.post("/login", null, Map.of("username", " EVE@" + tenant + " ", "password", "password-of-eve1"));

        assertThat(burst).filteredOn(r -> r.status() == 200).hasSizeBetween(5, 6);
        ApiClient.Response limited = burst.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.string("type")).endsWith("/rate-limited");
        assertThat(failures).containsOnly(401);
        assertThat(rightPasswordWhileLocked.status()).isEqualTo(401);
        assertThat(spacedWhileLocked.status()).as("the same account, written with blanks and capitals").isEqualTo(401);
    }
}
