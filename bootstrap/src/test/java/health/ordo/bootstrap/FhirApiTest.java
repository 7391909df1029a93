package health.ordo.bootstrap;

import ca.uhn.fhir.context.FhirContext;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;
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

/** FHIR R4 over HTTP in the running app: ClaimResponses and Bundles in, Tasks out, parsed back by HAPI. */
@MicronautTest(transactional = false)
class FhirApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;
    @Inject
    FhirContext fhir;

    private ApiClient api;
    private String admin;
    private String worker;

    @BeforeEach
    void tenant() {
        String tenant = "fhir-" + UUID.randomUUID().toString().substring(0, 6);
        provision.provision(TenantId.of(tenant), "FHIR test", List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse("ada@" + tenant), "Ada", "password-of-ada", Set.of(Role.TENANT_ADMIN)),
                new ProvisionTenantUseCase.NewUser(Login.parse("wally@" + tenant), "Wally", "password-of-wally", Set.of(Role.WORKER))));
        api = new ApiClient(server.getURI(), json);
        admin = api.login("ada@" + tenant, "password-of-ada");
        worker = api.login("wally@" + tenant, "password-of-wally");
    }

    private ApiClient.Response post(String fixture, String token) throws IOException {
        try (InputStream in = FhirApiTest.class.getResourceAsStream("/fhir/" + fixture)) {
            return api.postRaw("/api/v1/inbound/fhir", token, new String(in.readAllBytes(), StandardCharsets.UTF_8), "application/fhir+json");
        }
    }

    @Test
    void bundle_createsTheDenials_keepsGoodEntriesNextToABadOne_andAgainCreatesNothing() throws IOException {
        ApiClient.Response first = post("bundle-mixed.json", admin);
        ApiClient.Response again = post("bundle-mixed.json", admin);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).containsEntry("interchanges", 4).containsEntry("itemsCreated", 2)
                .containsEntry("routineClaims", 1).containsEntry("rejectedClaims", 1);
        assertThat(first.list("claims")).anySatisfy(c -> assertThat(String.valueOf(c.get("reason"))).contains("Bundle.entry[2].resource.insurer"));
        assertThat((List<?>) first.body().get("warnings")).anySatisfy(w -> assertThat(w.toString()).contains("Patient ignored"));
        assertThat(again.body()).containsEntry("itemsCreated", 0).containsEntry("duplicates", 2);
        List<Map<String, Object>> denials = api.get("/api/v1/work-items?type=CLAIM_DENIAL&limit=50", admin).list("items");
        assertThat(denials).hasSize(2).extracting(d -> (Object) ((Map<?, ?>) d.get("attributes")).get("denialCategory"))
                .containsExactlyInAnyOrder((Object) "MEDICAL_NECESSITY", "TIMELY_FILING");
    }

    @Test
    void denial_isReadableAsATask_andSearchableAsASearchsetBundle() throws IOException {
        String itemId = post("claimresponse-denied.json", admin).list("claims").get(0).get("workItemId").toString();

        ApiClient.Response read = api.get("/api/v1/fhir/Task/" + itemId, worker);
        ApiClient.Response search = api.get("/api/v1/fhir/Task?status=ready&_count=1", worker);
        ApiClient.Response badStatus = api.get("/api/v1/fhir/Task?status=sleeping", worker);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).startsWith("application/fhir+json");
        Task task = fhir.newJsonParser().parseResource(Task.class, read.raw().body());
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.READY);
        assertThat(task.getFocus().getReference()).isEqualTo("ClaimResponse/CR-7001");
        assertThat(task.getRestriction().getPeriod().hasEnd()).isTrue();
        assertThat(task.getInput()).anySatisfy(i -> assertThat(i.getType().getText()).isEqualTo("denialCategory"));
        Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, search.raw().body());
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getEntry()).singleElement().satisfies(e -> assertThat(e.getResource()).isInstanceOf(Task.class));
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.body()).containsEntry("resourceType", "OperationOutcome");
        ApiClient.Response unknown = api.get("/api/v1/fhir/Task/" + UUID.randomUUID(), worker);
        ApiClient.Response notAnId = api.get("/api/v1/fhir/Task/not-a-uuid", worker);
        assertThat(List.of(unknown, notAnId)).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/fhir+json");
            assertThat(response.body()).containsEntry("resourceType", "OperationOutcome");
            assertThat(response.raw().body()).contains("not-found");
        });
        assertThat(api.get("/api/v1/write-backs", admin).body()).containsEntry("items", List.of());
    }

    @Test
    void cancelledResponse_cancelsTheItem_andAnInvalidResourceIs422WithAnOperationOutcome() throws IOException {
        String itemId = post("claimresponse-denied.json", admin).list("claims").get(0).get("workItemId").toString();

        ApiClient.Response cancelled = post("claimresponse-cancelled.json", admin);
        ApiClient.Response invalid = post("claimresponse-invalid.json", admin);
        ApiClient.Response workerTries = post("claimresponse-denied.json", worker);

        assertThat(cancelled.body()).containsEntry("reversalsApplied", 1);
        assertThat(api.get("/api/v1/work-items/" + itemId, admin).string("status")).isEqualTo("CANCELLED");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.body()).containsEntry("resourceType", "OperationOutcome");
        assertThat(invalid.list("issue")).anySatisfy(i -> assertThat(i.get("diagnostics").toString()).contains("payerNotes"));
        assertThat(invalid.list("errors")).isNotEmpty();
        assertThat(workerTries.status()).isEqualTo(403);
    }
}
