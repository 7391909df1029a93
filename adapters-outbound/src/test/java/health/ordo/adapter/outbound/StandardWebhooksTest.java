package health.ordo.adapter.outbound;

import health.ordo.domain.event.WebhookSecrets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StandardWebhooksTest {

    @Test
    void theSignature_matchesTheStandardWebhooksSpecificationsExample() {
        // the example of the Standard Webhooks specification's reference libraries
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String signature = StandardWebhooks.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");

        assertThat(signature).isEqualTo("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        String header = StandardWebhooks.header(List.of(WebhookSecrets.newSecret(), secret), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}");
        assertThat(header.split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
        assertThat(StandardWebhooks.verifies(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}", header)).isTrue();
        assertThat(StandardWebhooks.verifies(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265331L, "{\"test\": 2432232314}", header)).isFalse();
    }

    @Test
    void theEnvelope_isWrittenAsJson_withNestedDataAndNumbers() {
        String json = CloudEventsJson.write(new java.util.LinkedHashMap<>(java.util.Map.of("id", "e1", "ordoposition", 42L,
                "data", java.util.Map.of("amountAtStake", new java.math.BigDecimal("125.50")))));

        assertThat(json).contains("\"id\":\"e1\"").contains("\"ordoposition\":42").contains("\"data\":{\"amountAtStake\":125.50}");
    }
}
