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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A worker sees a patient identifier only on items assigned to them; supervisors see it. */
@MicronautTest(transactional = false)
class PhiMaskingTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;

    @Test
    void patientIdentifier_isMaskedForAWorkerUntilTheItemIsTheirs() {
        String tenant = "phi-" + UUID.randomUUID().toString().substring(0, 6);
        provision.provision(TenantId.of(tenant), "PHI", List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse("wally@" + tenant), "Wally", "password-of-wally", Set.of(Role.WORKER)),
                new ProvisionTenantUseCase.NewUser(Login.parse("quinn@" + tenant), "Quinn", "password-of-quinn", Set.of(Role.WORKER)),
                new ProvisionTenantUseCase.NewUser(Login.parse("ada@" + tenant), "Ada", "password-of-ada1", Set.of(Role.TENANT_ADMIN)),
                new ProvisionTenantUseCase.NewUser(Login.parse("sam@" + tenant), "Sam", "password-of-sam1", Set.of(Role.SUPERVISOR))));
        ApiClient api = new ApiClient(server.getURI(), json);
        String worker = api.login("wally@" + tenant, "password-of-wally");
        String supervisor = api.login("sam@" + tenant, "password-of-sam1");
        String queueWorker = api.login("quinn@" + tenant, "password-of-quinn");
        String admin = api.login("ada@" + tenant, "password-of-ada1");
        Map<String, Object> body = new HashMap<>();
        body.put("type", "CLAIM_DENIAL");
        // an API caller who wrote the patient control number into the title and the external id too
        body.put("source", Map.of("system", "x12-835", "externalId", "60054:PCN-PLANTED-4711"));
        body.put("title", "Denied claim PCN-PLANTED-4711");
        body.put("amount", Map.of("value", "1200.00", "currency", "USD"));
        body.put("attributes", Map.of("patientControlNumber", "PCN-PLANTED-4711", "payer", "AETNA", "billedAmount", 1200));
        String id = api.post("/api/v1/work-items", supervisor, body).string("id");

        ApiClient.Response workerItem = api.get("/api/v1/work-items/" + id, worker);
        Map<?, ?> workerBefore = (Map<?, ?>) workerItem.body().get("attributes");
        ApiClient.Response workerListed = api.get("/api/v1/work-items", worker);
        Map<?, ?> workerList = (Map<?, ?>) workerListed.list("items").get(0).get("attributes");
        ApiClient.Response supervisorItem = api.get("/api/v1/work-items/" + id, supervisor);
        Map<?, ?> supervisorView = (Map<?, ?>) supervisorItem.body().get("attributes");
        api.put("/api/v1/workers/wally@" + tenant, admin, Map.of("queues", List.of("elsewhere"), "capacity", 10, "available", true));
        api.put("/api/v1/workers/quinn@" + tenant, admin, Map.of("queues", List.of(supervisorItem.string("queue")), "capacity", 10, "available", true));
        Map<?, ?> queueWorkerView = (Map<?, ?>) api.get("/api/v1/work-items/" + id, queueWorker).body().get("attributes");
        ApiClient.Response taskForWorker = api.get("/api/v1/fhir/Task/" + id, worker);
        ApiClient.Response searchForWorker = api.get("/api/v1/fhir/Task", worker);
        ApiClient.Response taskForSupervisor = api.get("/api/v1/fhir/Task/" + id, supervisor);
        ApiClient.Response claimOutsideItsQueues = api.post("/api/v1/work-items/" + id + "/claim", worker, Map.of());
        api.put("/api/v1/workers/wally@" + tenant, admin, Map.of("queues", List.of(supervisorItem.string("queue")), "capacity", 10,
                "available", true));
        api.post("/api/v1/work-items/" + id + "/claim", worker, Map.of());
        Map<?, ?> workerAfter = (Map<?, ?>) api.get("/api/v1/work-items/" + id, worker).body().get("attributes");
        Map<?, ?> queueWorkerAfterClaim = (Map<?, ?>) api.get("/api/v1/work-items/" + id, queueWorker).body().get("attributes");
        ApiClient.Response taskAfterClaim = api.get("/api/v1/fhir/Task/" + id, worker);

        assertThat(workerBefore.get("patientControlNumber")).isEqualTo("***");
        assertThat(workerItem.string("title")).isEqualTo("Denied claim ***");
        assertThat(workerItem.raw().body()).doesNotContain("PCN-PLANTED-4711");
        assertThat(workerListed.raw().body()).doesNotContain("PCN-PLANTED-4711");
        assertThat(claimOutsideItsQueues.status()).as("a worker claims only in the queues they serve").isEqualTo(403);
        assertThat(claimOutsideItsQueues.string("rule")).isEqualTo("QUEUE_NOT_ELIGIBLE");
        assertThat(workerBefore.get("payer")).isEqualTo("AETNA");
        assertThat(workerList.get("patientControlNumber")).isEqualTo("***");
        assertThat(supervisorView.get("patientControlNumber")).isEqualTo("PCN-PLANTED-4711");
        assertThat(workerAfter.get("patientControlNumber")).isEqualTo("PCN-PLANTED-4711");
        assertThat(queueWorkerView.get("patientControlNumber")).as("an unassigned item in the worker's own queue").isEqualTo("PCN-PLANTED-4711");
        assertThat(queueWorkerAfterClaim.get("patientControlNumber")).as("once it is someone else's").isEqualTo("***");
        assertThat(taskForWorker.raw().body()).doesNotContain("PCN-PLANTED-4711").contains("\"for\":{\"display\":\"***\"}");
        assertThat(searchForWorker.raw().body()).doesNotContain("PCN-PLANTED-4711");
        assertThat(taskForSupervisor.raw().body()).contains("PCN-PLANTED-4711");
        assertThat(taskAfterClaim.raw().body()).contains("PCN-PLANTED-4711");
    }
}
