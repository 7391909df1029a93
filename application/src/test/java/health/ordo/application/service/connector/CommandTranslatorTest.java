package health.ordo.application.service.connector;

import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.spi.WorkItemCommand;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandTranslatorTest {

    private static WorkItemCommand command(String type, BigDecimal amount, String currency) {
        return new WorkItemCommand(type, "oracle-fusion", "300100", "Hold on a credit memo", amount, currency, null, null,
                Map.of("holdName", "Amount"), List.of());
    }

    @Test
    void aNegativeAmount_putsItsSizeAtStake_andKeepsTheSign() {
        WorkItemContent content = CommandTranslator.toContent(command("INVOICE_HOLD", new BigDecimal("-1250.00"), "USD"));

        assertThat(content.moneyAtStake().value()).isEqualByComparingTo("1250.00");
        assertThat(content.attributes().values()).containsEntry("signedAmount", new BigDecimal("-1250.00")).containsEntry("holdName", "Amount");
    }

    @Test
    void anUnknownTypeOrAnAmountWithoutCurrency_isRefusedNamingTheField() {
        assertThatThrownBy(() -> CommandTranslator.toContent(command("INVOICE_HOLDS", BigDecimal.TEN, "USD")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("type"));
        assertThatThrownBy(() -> CommandTranslator.toContent(command("INVOICE_HOLD", BigDecimal.TEN, null)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("currency"));
    }
}
