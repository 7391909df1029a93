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

    @Test
    void theCompleteListsAreInForce_aTenantLoadsANewerOne_whichJudgesItsNextRemittance_andNoOtherTenants() {
        String tenant = FreshTenant.provision(provision, "cl");
        String other = FreshTenant.provision(provision, "co");
        ApiClient api = new ApiClient(server.getURI(), json);
        String admin = api.login("ada@" + tenant, "password-of-ada1");
        String otherAdmin = api.login("ada@" + other, "password-of-ada1");

        ApiClient.Response codeSets = api.get("/api/v1/code-sets", admin);
        assertThat(codeSets.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> inForce = (Map<String, Object>) codeSets.body().get("inForce");
        assertThat(inForce.get("scope")).isIn("BUILT_IN", "DEPLOYMENT");
        assertThat(((Number) inForce.get("carcCodes")).intValue()).isGreaterThanOrEqualTo(407);
        assertThat(((Number) inForce.get("rarcCodes")).intValue()).isGreaterThanOrEqualTo(1216);
        ApiClient.Response a2 = api.get("/api/v1/code-sets/carc/A2", admin);
        assertThat(a2.string("category")).isEqualTo("CONTRACTUAL");
        assertThat(a2.body().get("routine")).isEqualTo(true);
        assertThat(a2.string("status")).isEqualTo("deactivated");
        assertThat(api.get("/api/v1/code-sets/carc/16", admin).string("category")).isEqualTo("MISSING_INFORMATION");
        assertThat(api.get("/api/v1/code-sets/rarc/N130", admin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/code-sets/carc/399", admin).status()).isEqualTo(404);

        String before = createdItem(api, admin, "CLP*PCNN1*4*500*0*0*12*N1*11*1", "CAS*CO*399*500");
        assertThat(api.get("/api/v1/work-items/" + before, admin).body().get("attributes").toString()).contains("UNKNOWN_CODE");

        ApiClient.Response noCategory = api.post("/api/v1/code-sets", admin, Map.of("version", "x12-2027-03-01",
                "carc", List.of(Map.of("code", "399", "status", "current", "description", "Prior authorization number expired"))));
        assertThat(noCategory.status()).isEqualTo(400);
        assertThat(noCategory.body().toString()).contains("carc[0].category");
        ApiClient.Response loaded = api.post("/api/v1/code-sets", admin, Map.of("version", "x12-2027-03-01",
                "carc", List.of(Map.of("code", "399", "status", "current", "start", "2027-03-01", "category", "AUTHORIZATION",
                        "description", "Prior authorization number expired")),
                "rarc", List.of(Map.of("code", "N9999", "kind", "ALERT", "description", "Alert: a new remark"))));
        assertThat(loaded.status()).isEqualTo(201);
        assertThat(loaded.string("scope")).isEqualTo("TENANT");
        @SuppressWarnings("unchecked")
        Map<String, Object> newest = (Map<String, Object>) api.get("/api/v1/code-sets", admin).body().get("inForce");
        assertThat(newest.get("version")).isEqualTo("x12-2027-03-01");
        assertThat(((Number) newest.get("carcCodes")).intValue()).as("the set in force and its one new CARC")
                .isEqualTo(((Number) inForce.get("carcCodes")).intValue() + 1);
        assertThat(((Number) newest.get("rarcCodes")).intValue()).isEqualTo(((Number) inForce.get("rarcCodes")).intValue() + 1);
        assertThat(api.post("/api/v1/code-sets", admin, Map.of("version", "x12-2027-03-01",
                "carc", List.of(Map.of("code", "45")))).status()).as("a loaded version never changes").isEqualTo(409);

        String after = createdItem(api, admin, "CLP*PCNN2*4*500*0*0*12*N2*11*1", "CAS*CO*399*500");
        ApiClient.Response item = api.get("/api/v1/work-items/" + after, admin);
        assertThat(item.body().get("attributes").toString()).contains("AUTHORIZATION").contains("x12-2027-03-01")
                .doesNotContain("UNKNOWN_CODE");
        assertThat(api.get("/api/v1/code-sets/carc/399", admin).string("start")).isEqualTo("2027-03-01");
        assertThat(api.get("/api/v1/code-sets/carc/45", admin).string("category")).as("the other codes are kept").isEqualTo("CONTRACTUAL");
        assertThat(api.get("/api/v1/code-sets", admin).body().get("inForce").toString()).contains("x12-2027-03-01");
        assertThat(api.get("/api/v1/code-sets/carc/399", otherAdmin).status()).as("a tenant's list is its own").isEqualTo(404);
    }

    @Test
    void thePlatformAdminLoadsAListForEveryTenant_aWorkerCannot() {
        String tenant = FreshTenant.provision(provision, "cd");
        ApiClient api = new ApiClient(server.getURI(), json);
        String admin = api.login("ada@" + tenant, "password-of-ada1");
        String operator = "cs-" + UUID.randomUUID().toString().substring(0, 6) + "@platform";
        provision.provision(TenantId.of("platform"), "Ordo platform", List.of(new ProvisionTenantUseCase.NewUser(Login.parse(operator),
                "Ops", "password-of-platform", Set.of(Role.PLATFORM_ADMIN))));
        String platform = api.login(operator, "password-of-platform");
        String version = "dep-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(api.post("/api/v1/code-sets/deployment", admin, Map.of("version", version, "carc",
                List.of(Map.of("code", "398", "category", "NON_COVERED")))).status()).isEqualTo(403);
        ApiClient.Response published = api.post("/api/v1/code-sets/deployment", platform, Map.of("version", version,
                "carc", List.of(Map.of("code", "398", "category", "NON_COVERED", "description", "A code of the next release"))));
        assertThat(published.status()).isEqualTo(201);
        assertThat(published.string("scope")).isEqualTo("DEPLOYMENT");
        assertThat(api.get("/api/v1/code-sets/carc/398", admin).string("category")).isEqualTo("NON_COVERED");
        assertThat(api.post("/api/v1/code-sets/deployment", platform, Map.of("version", "bad version!", "carc",
                List.of(Map.of("code", "398")))).body().toString()).contains("version");
    }

    /** Posts an 835 with one claim and answers the id of the item it created. */
    private String createdItem(ApiClient api, String token, String... claim) {
        ApiClient.Response report = api.postRaw("/api/v1/inbound/x12/835", token, remittance(claim), "application/edi-x12");
        assertThat(report.status()).isEqualTo(200);
        List<Map<String, Object>> created = report.list("claims").stream().filter(c -> "created".equals(c.get("outcome"))).toList();
        assertThat(created).hasSize(1);
        return String.valueOf(created.get(0).get("workItemId"));
    }
}
