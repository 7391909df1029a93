package health.ordo.domain.shared;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void givenNegativeAmount_money_isRefusedNamingTheField() {
        assertThatThrownBy(() -> Money.of("-0.01", "USD"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("amount.value"));
    }

    @Test
    void givenUnknownCurrency_money_isRefused() {
        assertThatThrownBy(() -> Money.of("10", "XYZ1"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("amount.currency"));
        assertThatThrownBy(() -> Money.of("10", "usd")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void givenWholeAmount_money_keepsTwoDecimals() {
        assertThat(Money.of("1234.5", "USD").value()).isEqualTo(new BigDecimal("1234.50"));
        assertThat(Money.of("1E+3", "EUR").value()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(Money.of("0.125", "USD").value()).isEqualTo(new BigDecimal("0.125"));
    }

    @Test
    void givenTooManyDecimals_money_isRefused() {
        assertThatThrownBy(() -> Money.of("1.00001", "USD")).isInstanceOf(InvalidValueException.class);
    }
}
