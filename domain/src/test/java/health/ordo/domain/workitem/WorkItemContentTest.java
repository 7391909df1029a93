package health.ordo.domain.workitem;

import health.ordo.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static health.ordo.domain.workitem.WorkItemContentBuilder.aClaimDenial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkItemContentTest {

    @Test
    void givenSameContent_fingerprint_isEqualEvenWhenAmountScaleDiffers() {
        WorkItemContent first = aClaimDenial().withAmount("1200.5").build();
        WorkItemContent second = aClaimDenial().withAmount("1200.50").build();

        assertThat(first.fingerprint()).isEqualTo(second.fingerprint());
    }

    @Test
    void givenChangedTitleAmountOrAttribute_fingerprint_differs() {
        String original = aClaimDenial().build().fingerprint();

        assertThat(aClaimDenial().withTitle("Another title").build().fingerprint()).isNotEqualTo(original);
        assertThat(aClaimDenial().withAmount("1200.01").build().fingerprint()).isNotEqualTo(original);
        assertThat(aClaimDenial().withAttributes(Map.of("payer", "Aetna", "carc", 197)).build().fingerprint())
                .as("number 197 is not text '197'").isNotEqualTo(original);
    }

    @Test
    void givenNoQueue_content_landsInTheTypesDefaultQueue() {
        assertThat(aClaimDenial().withType(WorkItemType.INVOICE_HOLD).build().queue()).isEqualTo("ap-exceptions");
        assertThat(aClaimDenial().withQueue("appeals-east").build().queue()).isEqualTo("appeals-east");
    }

    @Test
    void bindingDeadline_isTheEarlierOfDueAndHardDeadline() {
        Instant due = Instant.parse("2030-01-15T17:00:00Z");
        Instant hard = Instant.parse("2030-01-10T17:00:00Z");

        assertThat(aClaimDenial().withDueAt(due).withHardDeadlineAt(hard).build().bindingDeadline()).isEqualTo(hard);
        assertThat(aClaimDenial().withDueAt(due).build().bindingDeadline()).isEqualTo(due);
        assertThat(aClaimDenial().withDueAt(null).build().bindingDeadline()).isNull();
    }

    @Test
    void givenBlankTitle_content_isRefusedNamingTitle() {
        assertThatThrownBy(() -> aClaimDenial().withTitle("  ").build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("title"));
    }

    @Test
    void givenNestedAttributeValue_content_isRefusedNamingTheAttribute() {
        assertThatThrownBy(() -> aClaimDenial().withAttributes(Map.of("lines", List.of(1, 2))).build())
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("attributes.lines"));
    }

    @Test
    void attributes_keepNumbersAsDecimals() {
        Attributes attributes = Attributes.of(Map.of("lineCount", 3, "paid", 12.5));

        assertThat(attributes.values().get("lineCount")).isEqualTo(BigDecimal.valueOf(3));
        assertThat(attributes.text("paid")).isEqualTo("12.5");
    }
}
