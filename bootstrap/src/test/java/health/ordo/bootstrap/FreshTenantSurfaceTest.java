package health.ordo.bootstrap;

import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh tenant sees what scores its items (the built-in policy, read-only) and lists its calendars. */
@MicronautTest(transactional = false)
class FreshTenantSurfaceTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;

    @Test
    void aFreshTenant_seesItsBuiltInPolicy_andItsCalendars() {
        String tenant = FreshTenant.provision(provision, "fresh");
        ApiClient api = new ApiClient(server.getURI(), json);
        String admin = api.login("ada@" + tenant, "password-of-ada1");

        ApiClient.Response policies = api.get("/api/v1/priority-policies", admin);
        ApiClient.Response builtin = api.get("/api/v1/priority-policies/builtin/versions/0", admin);
        ApiClient.Response calendars = api.get("/api/v1/calendars", admin);

        assertThat(policies.status()).isEqualTo(200);
        assertThat(policies.raw().body()).contains("\"policyId\":\"builtin\"").contains("\"builtIn\":true");
        assertThat(builtin.status()).isEqualTo(200);
        assertThat(builtin.string("status")).isEqualTo("ACTIVE");
        assertThat(builtin.body()).containsEntry("builtIn", true);
        assertThat(calendars.list("items")).extracting(c -> c.get("id")).contains("standard").doesNotHaveDuplicates();
    }
}
