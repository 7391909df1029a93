package health.ordo.bootstrap;

import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PHI never reaches the logs. Runs after every other test class of this module (see junit-platform.properties), plants
 * patient identifiers through every way in (JSON, an 835 remittance, FHIR, malformed and rejected input that ends in
 * error answers), then scans everything the application logged during the whole test run.
 */
@MicronautTest(transactional = false)
@Order(Integer.MAX_VALUE)
class PhiLogScanTest {

    /** Planted here and in PhiMaskingTest; CLP01 and the patient of the remittance fixtures. */
    private static final List<String> PLANTED = List.of("PCN-PLANTED-4711", "PCN-PLANTED-9001", "PLANTEDPATIENT", "MBR-PLANTED-77",
            "PCN10001", "W123456789");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;

    @Test
    void noPlantedPatientIdentifierAppearsInTheLogsOfTheTestRun() throws IOException {
        String tenant = "logscan-" + UUID.randomUUID().toString().substring(0, 6);
        provision.provision(TenantId.of(tenant), "Log scan", List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse("ada@" + tenant), "Ada", "password-of-ada1", Set.of(Role.TENANT_ADMIN)),
                new ProvisionTenantUseCase.NewUser(Login.parse("wally@" + tenant), "Wally", "password-of-wally", Set.of(Role.WORKER))));
        ApiClient api = new ApiClient(server.getURI(), json);
        String admin = api.login("ada@" + tenant, "password-of-ada1");
        String worker = api.login("wally@" + tenant, "password-of-wally");

        String remittance = fixture("/x12/multi-payer.835").replace("PCN10002", "PCN-PLANTED-9001")
                .replace("NM1*QC*1*ROE*RICHARD", "NM1*QC*1*PLANTEDPATIENT*RICHARD");
        assertThat(api.postRaw("/api/v1/inbound/x12/835", admin, remittance, "text/plain").status()).isEqualTo(200);
        assertThat(api.postRaw("/api/v1/inbound/x12/835", admin, remittance.replace("ISA*", "ISX*"), "text/plain").status())
                .isEqualTo(422);
        ApiClient.Response created = api.post("/api/v1/work-items", admin, Map.of("type", "CLAIM_DENIAL",
                "source", Map.of("system", "x12-835", "externalId", "60054:LOGSCAN"), "title", "Denied",
                "attributes", Map.of("patientControlNumber", "PCN-PLANTED-4711", "memberId", "MBR-PLANTED-77")));
        assertThat(created.status()).isEqualTo(201);
        String id = created.string("id");
        api.postRaw("/api/v1/work-items", admin, "{\"type\":\"CLAIM_DENIAL\",\"attributes\":{\"patientControlNumber\":\"PCN-PLANTED-4711\"",
                "application/json");
        api.post("/api/v1/work-items", admin, Map.of("type", "NOT_A_TYPE", "attributes", Map.of("memberId", "MBR-PLANTED-77")));
        api.postRaw("/api/v1/inbound/fhir", admin, "{\"resourceType\":\"ClaimResponse\",\"patient\":{\"reference\":\"Patient/PLANTEDPATIENT\"},"
                + "\"status\":\"bogus\"}", "application/fhir+json");
        api.get("/api/v1/work-items/" + id, worker);
        api.get("/api/v1/fhir/Task/" + id, worker);
        api.post("/api/v1/work-items/" + id + "/complete", worker, Map.of("resolutionCode", "PCN-PLANTED-4711"));
        api.get("/api/v1/audit?entity=" + id, admin);

        Path log = Path.of("target", "test-logs", "bootstrap-tests.log");
        assertThat(log).exists();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(text).as("the run's log, from the first context on").contains("Embedded PostgreSQL on port");
        assertThat(text.lines().count()).isGreaterThan(20);
        assertThat(PLANTED).allSatisfy(identifier -> assertThat(text).as("log lines mentioning " + identifier)
                .doesNotContain(identifier));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = PhiLogScanTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
