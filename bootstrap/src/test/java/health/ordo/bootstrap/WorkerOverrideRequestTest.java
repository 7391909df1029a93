package health.ordo.bootstrap;

import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker asks for a priority change of the item they work: however small, it waits for a supervisor's approval; it is
 * refused on someone else's item and while another override is in place, so it never displaces a supervisor's override.
 */
@MicronautTest(transactional = false)
class WorkerOverrideRequestTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;

    private ApiClient api;
    private String wes;
    private String wyn;
    private String sam;

    @BeforeEach
    void tenant() {
        String tenant = "wo-" + UUID.randomUUID().toString().substring(0, 6);
        provision.provision(TenantId.of(tenant), "Overrides", List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse("wes@" + tenant), "Wes", "password-of-wes1", Set.of(Role.WORKER)),
                new ProvisionTenantUseCase.NewUser(Login.parse("wyn@" + tenant), "Wyn", "password-of-wyn1", Set.of(Role.WORKER)),
                new ProvisionTenantUseCase.NewUser(Login.parse("sam@" + tenant), "Sam", "password-of-sam1", Set.of(Role.SUPERVISOR)),
                new ProvisionTenantUseCase.NewUser(Login.parse("ada@" + tenant), "Ada", "password-of-ada1", Set.of(Role.TENANT_ADMIN))));
        api = new ApiClient(server.getURI(), json);
        wes = api.login("wes@" + tenant, "password-of-wes1");
        wyn = api.login("wyn@" + tenant, "password-of-wyn1");
        sam = api.login("sam@" + tenant, "password-of-sam1");
        String ada = api.login("ada@" + tenant, "password-of-ada1");
        for (String worker : List.of("wes", "wyn")) {
            assertThat(api.put("/api/v1/workers/" + worker + "@" + tenant, ada, Map.of("capacity", 10, "available", true)).status()).isIn(200, 201);
        }
    }

    private String claimedBy(String token, String externalId) {
        String id = api.post("/api/v1/work-items", token, Map.of("type", "INVOICE_HOLD", "source", Map.of("system", "oracle-fusion",
                "externalId", externalId), "title", "Hold " + externalId, "amount", Map.of("value", "1200.00", "currency", "USD"))).string("id");
        assertThat(api.post("/api/v1/work-items/" + id + "/claim", token, Map.of()).status()).isEqualTo(200);
        return id;
    }

    private ApiClient.Response ask(String token, String id) {
        return api.post("/api/v1/work-items/" + id + "/priority-override", token, Map.of("target", "SCORE", "score", 55,
                "reasonCode", "PATIENT_IMPACT", "comment", "appeal window closes Friday",
                "expiresAt", Instant.now().plusSeconds(86_400).toString()));
    }

    @Test
    void aWorkersRequest_waitsForASupervisor_evenWhenSmall_andNeverOnSomeoneElsesItemOrOverAnother() {
        String mine = claimedBy(wes, "WO-1");

        ApiClient.Response asked = ask(wes, mine);
        ApiClient.Response again = ask(wes, mine);
        ApiClient.Response notMine = ask(wyn, mine);
        @SuppressWarnings("unchecked")
        String overrideId = ((Map<String, Object>) asked.body().get("override")).get("id").toString();
        ApiClient.Response approved = api.post("/api/v1/work-items/" + mine + "/priority-override/" + overrideId + ":approve", sam, Map.of());

        assertThat(asked.status()).isEqualTo(201);
        assertThat(asked.body()).containsEntry("overrideApplies", false);
        assertThat(asked.body().get("override").toString()).contains("PENDING_APPROVAL");
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.string("rule")).isEqualTo("OVERRIDE_IN_PLACE");
        assertThat(notMine.status()).isEqualTo(403);
        assertThat(notMine.string("rule")).isEqualTo("OVERRIDE_REQUEST_OWN_ITEM");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body()).containsEntry("overrideApplies", true);
    }
}
