package health.ordo.bootstrap;

import health.ordo.application.port.out.priority.RecoveryLikelihoodPort;
import health.ordo.domain.priority.LikelihoodEstimate;
import health.ordo.domain.workitem.WorkItem;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** With the likelihood model failing, ingestion and scoring still work and the explanation says degraded. */
@MicronautTest(transactional = false)
@Property(name = "test.likelihood-model", value = "failing")
class DegradedLikelihoodTest {

    /** A model that is down. */
    @Singleton
    @Replaces(RecoveryLikelihoodPort.class)
    @Requires(property = "test.likelihood-model", value = "failing")
    static class FailingModel implements RecoveryLikelihoodPort {
        @Override
        public LikelihoodEstimate estimate(WorkItem item) {
            throw new IllegalStateException("model service unreachable");
        }
    }

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void givenFailingModel_createStillScoresAndTheExplanationSaysDegraded() {
        ApiClient api = new ApiClient(server.getURI(), json);
        String token = api.login("sam@demo", "sam-ordo-demo1");

        ApiClient.Response created = api.post("/api/v1/work-items", token, Map.of("type", "CLAIM_DENIAL",
                "source", Map.of("system", "payer-835", "externalId", "DEG-" + UUID.randomUUID()), "title", "Denied: CO-50",
                "amount", Map.of("value", "2500.00", "currency", "USD"), "attributes", Map.of("payer", "Aetna", "carc", "50")));
        ApiClient.Response score = api.get("/api/v1/work-items/" + created.string("id") + "/score", token);

        assertThat(created.status()).isEqualTo(201);
        @SuppressWarnings("unchecked")
        Map<String, Object> explanation = (Map<String, Object>) score.body().get("explanation");
        assertThat(explanation).containsEntry("degraded", true);
        assertThat((List<?>) explanation.get("degradedReasons")).singleElement().asString().contains("prior: CARC 50");
        assertThat(((Number) score.body().get("priorityScore")).doubleValue()).isPositive();
    }
}
