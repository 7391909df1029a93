package health.ordo.domain.workitem;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AttributeClassificationTest {

    @Test
    void phiValuesInFreeText_areMasked_whileOperationalValuesAndShortOnesStay() {
        Map<String, Object> attributes = Map.of("patientControlNumber", "PCN-778812", "memberId", "W123456789", "payer", "Aetna",
                "patientName", "Li");

        String scrubbed = AttributeClassification.scrubbed("Denied PCN-778812 for W123456789 (Aetna), Li", attributes);

        assertThat(scrubbed).isEqualTo("Denied *** for *** (Aetna), Li");
    }

    @Test
    void aPayersDisposition_isPhi() {
        assertThat(AttributeClassification.classify("disposition")).isEqualTo(AttributeClassification.Kind.PHI);
    }
}
