package health.ordo.bootstrap;

import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payer's FHIR server configured as a connector goes through the same claims rules and the same remittance ingestion as
 * a posted file: a denied ClaimResponse becomes a denial with its CARC category, a routine one nothing, the payer's
 * cancellation closes the denial, and the same claim denied again afterwards is new work.
 */
@MicronautTest(transactional = false)
class FhirClaimsConnectorTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;

    @Test
    void claimResponsesPulledFromAPayer_areJudgedLikePostedOnes_reversalsAndReDenialsIncluded() throws IOException {
        String tenant = FreshTenant.provision(provision, "fhirc");
        ApiClient api = new ApiClient(server.getURI(), json);
        String ada = api.login("ada@" + tenant, FreshTenant.ADA);
        assertThat(api.get("/api/v1/connector-types", ada).list("items"))
                .anySatisfy(t -> assertThat(t).containsEntry("type", "fhir-claim-responses").containsEntry("origin", "built-in"));

        try (FakePayer payer = new FakePayer()) {
            payer.resources.add(claimResponse("CR-1", "active", "error", "2026-11-20T10:00:00.000Z", "197", "1200"));
            payer.resources.add(claimResponse("CR-2", "active", "complete", "2026-11-20T10:01:00.000Z", "45", "300"));
            assertThat(api.put("/api/v1/connectors/payer-fhir", ada, Map.of("type", "fhir-claim-responses", "baseUrl", payer.url(),
                    "secrets", Map.of("bearer-token", "payer-t0ken"))).status()).isIn(200, 201);

            ApiClient.Response first = api.post("/api/v1/connectors/payer-fhir:sync", ada, Map.of());
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).containsEntry("itemsCreated", 1);
            List<Map<String, Object>> denials = api.get("/api/v1/work-items?type=CLAIM_DENIAL&limit=50", ada).list("items");
            assertThat(denials).singleElement().satisfies(d -> assertThat(d.get("title").toString()).contains("CR-1").contains("197"));
            String denial = String.valueOf(denials.get(0).get("id"));
            assertThat(api.get("/api/v1/work-items/" + denial, ada).body().get("attributes").toString()).contains("AUTHORIZATION");

            payer.resources.set(0, claimResponse("CR-1", "cancelled", "error", "2026-11-21T09:00:00.000Z", "197", "1200"));
            ApiClient.Response second = api.post("/api/v1/connectors/payer-fhir:sync", ada, Map.of());
            assertThat(second.body()).containsEntry("itemsClosed", 1);
            assertThat(api.get("/api/v1/work-items/" + denial, ada).string("status")).isEqualTo("CANCELLED");

            payer.resources.set(0, claimResponse("CR-1", "active", "error", "2026-11-22T09:00:00.000Z", "50", "1500"));
            ApiClient.Response third = api.post("/api/v1/connectors/payer-fhir:sync", ada, Map.of());
            assertThat(third.body()).as("a re-denial of a closed item is new work, as on the inbound path (totals since the first run)")
                    .containsEntry("itemsCreated", 2);
            assertThat(payer.authorizations).isNotEmpty().allSatisfy(a -> assertThat(a).isEqualTo("Bearer payer-t0ken"));
        }
        List<Map<String, Object>> open = api.get("/api/v1/work-items?type=CLAIM_DENIAL&status=READY&limit=50", ada).list("items");
        assertThat(open).singleElement().satisfies(d -> assertThat(d.get("title").toString()).contains("50"));
    }

    private static String claimResponse(String id, String status, String outcome, String lastUpdated, String carc, String billed) {
        return """
                {"resourceType":"ClaimResponse","id":"%s","meta":{"lastUpdated":"%s"},"identifier":[{"value":"%s"}],
                 "status":"%s","type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/claim-type","code":"professional"}]},
                 "use":"claim","patient":{"reference":"Patient/p-1"},"created":"2026-11-20",
                 "insurer":{"identifier":{"system":"https://payer.example/id","value":"87726"},"display":"Acme Health Plan"},
                 "outcome":"%s",
                 "error":[{"code":{"coding":[{"system":"https://x12.org/codes/claim-adjustment-reason-codes","code":"%s"}]}}],
                 "total":[{"category":{"coding":[{"code":"submitted"}]},"amount":{"value":%s,"currency":"USD"}},
                          {"category":{"coding":[{"code":"benefit"}]},"amount":{"value":0,"currency":"USD"}}]}"""
                .formatted(id, lastUpdated, id, status, outcome, carc, billed);
    }

    /** A payer's FHIR server: every ClaimResponse it holds, as one searchset Bundle. */
    static final class FakePayer implements AutoCloseable {
        final List<String> resources = new CopyOnWriteArrayList<>();
        private final StandInServer server;
        final List<String> authorizations;

        FakePayer() throws IOException {
            server = new StandInServer("/fhir/ClaimResponse", "application/fhir+json", () -> {
                StringBuilder entries = new StringBuilder();
                for (String resource : resources) {
                    entries.append(entries.isEmpty() ? "" : ",").append("{\"resource\":").append(resource).append('}');
                }
                return ("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[" + entries + "]}").getBytes(StandardCharsets.UTF_8);
            });
            authorizations = server.authorizations;
        }

        String url() {
            return server.url() + "/fhir/";
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
