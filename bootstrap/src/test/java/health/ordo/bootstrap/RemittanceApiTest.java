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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** X12 835 remittances over HTTP: denials in the backlog, nothing new on re-upload, reversals, bad claims, bad envelopes. */
@MicronautTest(transactional = false)
class RemittanceApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;

    private ApiClient api;
    private String admin;
    private String worker;

    @BeforeEach
    void tenant() {
        String tenant = "rcm-" + UUID.randomUUID().toString().substring(0, 6);
        provision.provision(TenantId.of(tenant), "Remittance test", List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse("ada@" + tenant), "Ada", "password-of-ada", Set.of(Role.TENANT_ADMIN)),
                new ProvisionTenantUseCase.NewUser(Login.parse("wally@" + tenant), "Wally", "password-of-wally", Set.of(Role.WORKER))));
        api = new ApiClient(server.getURI(), json);
        admin = api.login("ada@" + tenant, "password-of-ada");
        worker = api.login("wally@" + tenant, "password-of-wally");
    }

    private ApiClient.Response upload(String fixture, String token) throws IOException {
        try (InputStream in = RemittanceApiTest.class.getResourceAsStream("/x12/" + fixture)) {
            return api.postRaw("/api/v1/inbound/x12/835", token, new String(in.readAllBytes(), StandardCharsets.ISO_8859_1),
                    "application/edi-x12");
        }
    }

    @Test
    void uploadedRemittance_putsDenialsInTheBacklog_andUploadingItAgainCreatesNothing() throws IOException {
        ApiClient.Response first = upload("multi-payer.835", admin);
        ApiClient.Response again = upload("multi-payer.835", admin);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).containsEntry("claimsSeen", 6).containsEntry("itemsCreated", 4).containsEntry("routineClaims", 2);
        assertThat(again.body()).containsEntry("itemsCreated", 0).containsEntry("duplicates", 4);
        List<Map<String, Object>> denials = api.get("/api/v1/work-items?type=CLAIM_DENIAL&limit=50", admin).list("items");
        assertThat(denials).hasSize(4).allSatisfy(item -> {
            Map<?, ?> attributes = (Map<?, ?>) item.get("attributes");
            assertThat(attributes.keySet().containsAll(List.of("denialCategory", "carc", "payer", "traceNumber")))
                    .as("attributes %s", attributes).isTrue();
            assertThat(item.get("hardDeadlineAt")).isNotNull();
        });
        String id = denials.get(0).get("id").toString();
        assertThat(((Map<?, ?>) api.get("/api/v1/work-items/" + id, admin).body().get("scoreExplanation")).get("factors")).isNotNull();
    }

    @Test
    void reversal_cancelsTheOriginalDenial() throws IOException {
        upload("multi-payer.835", admin);

        ApiClient.Response reversal = upload("reversal.835", admin);

        assertThat(reversal.body()).containsEntry("reversalsApplied", 1);
        String id = reversal.list("claims").get(0).get("workItemId").toString();
        ApiClient.Response original = api.get("/api/v1/work-items/" + id, admin);
        assertThat(original.string("status")).isEqualTo("CANCELLED");
        assertThat(original.string("statusReason")).contains("reversed by the payer");
    }

    @Test
    void reversalWithACorrectedClaim_cancelsTheOriginalAndOpensTheCorrection_inFileOrder() throws IOException {
        upload("multi-payer.835", admin);

        ApiClient.Response corrections = upload("reversal-and-correction.835", admin);
        ApiClient.Response again = upload("reversal-and-correction.835", admin);

        List<String> outcomes = corrections.list("claims").stream().map(c -> c.get("claim") + " " + c.get("outcome")).toList();
        assertThat(outcomes).containsExactly("PCN10001 reversal-applied", "PCN10001 created", "PCN50001 created",
                "PCN50001 reversal-applied");
        String original = corrections.list("claims").get(0).get("workItemId").toString();
        String corrected = corrections.list("claims").get(1).get("workItemId").toString();
        String deniedAndReversed = corrections.list("claims").get(2).get("workItemId").toString();
        assertThat(api.get("/api/v1/work-items/" + original, admin).string("status")).isEqualTo("CANCELLED");
        ApiClient.Response correction = api.get("/api/v1/work-items/" + corrected, admin);
        assertThat(correction.string("status")).isEqualTo("READY");
        assertThat(((Map<?, ?>) correction.body().get("attributes")).get("deniedCodes")).isEqualTo("CO-16");
        assertThat(api.get("/api/v1/work-items/" + deniedAndReversed, admin).string("status")).isEqualTo("CANCELLED");
        assertThat(again.body()).containsEntry("itemsCreated", 0).containsEntry("duplicates", 2).containsEntry("reversalsApplied", 0);
    }

    @Test
    void aClaimDeniedAgainAfterItsAppeal_isNewWork() throws IOException {
        String appealed = upload("multi-payer.835", admin).list("claims").stream().filter(c -> "PCN10001".equals(c.get("claim")))
                .findFirst().orElseThrow().get("workItemId").toString();
        api.post("/api/v1/work-items/" + appealed + "/claim", admin, Map.of());
        api.post("/api/v1/work-items/" + appealed + "/start", admin, Map.of());
        assertThat(api.post("/api/v1/work-items/" + appealed + "/complete", admin, Map.of("resolutionCode", "APPEALED")).status())
                .isEqualTo(200);

        ApiClient.Response deniedAgain = upload("denied-again.835", admin);
        ApiClient.Response sentTwice = upload("denied-again.835", admin);

        assertThat(deniedAgain.body()).containsEntry("itemsCreated", 1).containsEntry("conflicts", 0);
        String again = deniedAgain.list("claims").get(0).get("workItemId").toString();
        assertThat(again).isNotEqualTo(appealed);
        assertThat(api.get("/api/v1/work-items/" + again, admin).string("status")).isEqualTo("READY");
        assertThat(sentTwice.body()).containsEntry("itemsCreated", 0).containsEntry("duplicates", 1);
    }

    @Test
    void badClaim_isReportedWhileTheGoodOnesAreKept_andABrokenEnvelopeIs422() throws IOException {
        ApiClient.Response partial = upload("one-bad-claim.835", admin);
        ApiClient.Response broken = upload("malformed.835", admin);
        ApiClient.Response workerTries = upload("multi-payer.835", worker);

        assertThat(partial.body()).containsEntry("itemsCreated", 2).containsEntry("rejectedClaims", 1);
        assertThat((List<?>) partial.body().get("warnings")).anySatisfy(w -> assertThat(w.toString()).contains("SE segment count"));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.contentType()).startsWith("application/problem+json");
        assertThat(broken.list("errors")).extracting(e -> e.get("field")).containsExactly("ISA");
        assertThat(workerTries.status()).isEqualTo(403);
    }

    @Test
    void multipartUpload_isIngestedLikeARawBody() throws IOException {
        String file;
        try (InputStream in = RemittanceApiTest.class.getResourceAsStream("/x12/multi-payer.835")) {
            file = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        String boundary = "ordo-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"era.835\"\r\n"
                + "Content-Type: application/edi-x12\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n";

        ApiClient.Response response = api.postRaw("/api/v1/inbound/x12/835", admin, body, "multipart/form-data; boundary=" + boundary);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).containsEntry("itemsCreated", 4);
    }

    @Test
    void remittanceLargerThanTheJsonLimitAndMicronautsBuffer_isAccepted_whileSuchAJsonBodyIs413() {
        StringBuilder file = new StringBuilder("ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*STMARYSHOSP    *261120*1200*^*00501*000000777*0*P*:~"
                + "GS*HP*CLEARINGHOUSE*STMARYSHOSP*20261120*1200*777*X*005010X221A1~ST*835*0001*005010X221A1~"
                + "BPR*I*0*C*NON************20261120~TRN*1*BIG20261120*1512345678~DTM*405*20261120~N1*PR*AETNA*XV*60054~"
                + "N1*PE*ST MARYS HOSPITAL*XX*1234567893~LX*1~");
        int claims = 0;
        // over 10 MB: Micronaut buffers no more than that by default (max-request-buffer-size), whatever max-request-size says
        while (file.length() < 11_000_000) {
            claims++;
            file.append("CLP*BIG").append(claims).append("*1*800*640*160*12*AETBIG").append(claims).append("*11*1~CAS*CO*45*0~")
                    .append("CAS*PR*1*100**2*60~NM1*QC*1*DOE*JANE****MI*W1~SVC*HC:99214*800*640**1~DTM*472*20261002~");
        }
        file.append("SE*1*0001~GE*1*777~IEA*1*000000777~");
        String json = "{\"title\":\"" + "x".repeat(2_300_000) + "\"}";

        ApiClient.Response big = api.postRaw("/api/v1/inbound/x12/835", admin, file.toString(), "application/edi-x12");
        ApiClient.Response tooBig = api.postRaw("/api/v1/work-items", admin, json, "application/json");

        assertThat(big.status()).isEqualTo(200);
        assertThat(big.body()).containsEntry("claimsSeen", claims).containsEntry("itemsCreated", 0);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.contentType()).startsWith("application/problem+json");
    }
}
