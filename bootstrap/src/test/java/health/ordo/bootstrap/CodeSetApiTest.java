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

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payer 835 whose paid claims carry only routine adjustments creates no denial; a code Ordo's table does not know makes
 * one review item, scored low and flagged in its explanation.
 */
@MicronautTest(transactional = false)
class CodeSetApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;

    private static String remittance(String... claimSegments) {
        List<String> segments = new java.util.ArrayList<>(List.of(
                "ISA*00*          *00*          *ZZ*CLEARHOUSE     *ZZ*PROVIDER01     *261120*1200*^*00501*000000007*0*P*:",
                "GS*HP*CH*PROV*20261120*1200*7*X*005010X221A1", "ST*835*0001*005010X221A1", "BPR*I*830*C*ACH************20261118",
                "TRN*1*TRN-" + UUID.randomUUID().toString().substring(0, 8) + "*1512345678", "N1*PR*ACME HEALTH PLAN*XV*55555", "LX*1"));
        segments.addAll(List.of(claimSegments));
        segments.addAll(List.of("SE*" + (segments.size() - 1) + "*0001", "GE*1*7", "IEA*1*000000007"));
        return String.join("~", segments) + "~";
    }

    @Test
    void routineAdjustmentsCreateNothing_andAnUnknownCodeOneLowScoredReviewItem() {
        String tenant = FreshTenant.provision(provision, "cs");
        ApiClient api = new ApiClient(server.getURI(), json);
        String admin = api.login("ada@" + tenant, "password-of-ada1");

        ApiClient.Response routine = api.postRaw("/api/v1/inbound/x12/835", admin, remittance(
                "CLP*PCNR1*1*1000*580*120*12*R1*11*1", "CAS*CO*A2*300", "CAS*PR*1*100**2*20",
                "CLP*PCNR2*1*400*250*50*12*R2*11*1", "CAS*CO*45*100", "CAS*PR*3*50"), "application/edi-x12");
        ApiClient.Response unknown = api.postRaw("/api/v1/inbound/x12/835", admin, remittance(
                "CLP*PCNU1*4*90000*0*0*12*U1*11*1", "CAS*CO*ZZ9*90000"), "application/edi-x12");

        assertThat(routine.status()).isEqualTo(200);
        assertThat(routine.list("claims")).noneMatch(c -> "created".equals(c.get("outcome")));
        List<Map<String, Object>> created = unknown.list("claims").stream().filter(c -> "created".equals(c.get("outcome"))).toList();
        assertThat(created).hasSize(1);
        ApiClient.Response item = api.get("/api/v1/work-items/" + created.get(0).get("workItemId"), admin);
        assertThat(new BigDecimal(item.string("priorityScore"))).isLessThanOrEqualTo(BigDecimal.valueOf(30));
        assertThat(item.body().get("attributes").toString()).contains("UNKNOWN_CODE");
        assertThat(item.body().get("scoreExplanation").toString()).contains("unknown to Ordo's code table");
        assertThat(api.get("/api/v1/work-items?type=CLAIM_DENIAL&limit=100", admin).list("items")).hasSize(1);
    }
}
