package health.ordo.bootstrap;

import health.ordo.application.port.in.routing.ManageWorkforceUseCase;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.shared.TenantId;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The team's load (the backlog page's team view) is counted per worker and assigned status in one query. */
@MicronautTest(transactional = false)
class TeamLoadTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;
    @Inject
    ManageWorkforceUseCase workforce;

    @Test
    void assignedLoad_countsEachWorkersClaimedStartedAndHeldItems() {
        String tenant = FreshTenant.provision(provision, "load");
        ApiClient api = new ApiClient(server.getURI(), json);
        String sam = api.login("sam@" + tenant, FreshTenant.SAM);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(api.post("/api/v1/work-items", sam, Map.of("type", "INVOICE_HOLD", "source", Map.of("system", "oracle-fusion",
                    "externalId", "TL-" + i), "title", "Price hold " + i, "amount", Map.of("value", "10.00", "currency", "USD"))).string("id"));
        }
        for (String id : ids.subList(0, 4)) {
            assertThat(api.post("/api/v1/work-items/" + id + "/claim", sam, Map.of()).status()).isEqualTo(200);
        }
        assertThat(api.post("/api/v1/work-items/" + ids.get(2) + "/start", sam, Map.of()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/work-items/" + ids.get(3) + "/start", sam, Map.of()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/work-items/" + ids.get(3) + "/hold", sam, Map.of("reason", "waiting for the supplier")).status())
                .isEqualTo(200);

        Map<String, Map<String, Long>> load = workforce.assignedLoad(TenantId.of(tenant));

        assertThat(load).containsOnlyKeys("sam@" + tenant);
        assertThat(load.get("sam@" + tenant)).containsExactlyInAnyOrderEntriesOf(Map.of("CLAIMED", 2L, "IN_PROGRESS", 1L, "ON_HOLD", 1L));
    }
}
