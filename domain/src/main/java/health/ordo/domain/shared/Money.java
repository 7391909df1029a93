package health.ordo.domain.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An amount of money at stake: never negative, never a double, always with an ISO 4217 currency. */
public record Money(BigDecimal value, String currency) {

    /** Largest amount Ordo accepts: 10^13, far beyond any single claim or invoice. */
    private static final BigDecimal MAX = new BigDecimal("10000000000000");

    public Money {
        InvalidValueException.require(value != null, "amount.value", "amount.value is required");
        InvalidValueException.require(value.signum() >= 0, "amount.value", "amount.value must not be negative");
        InvalidValueException.require(value.compareTo(MAX) < 0, "amount.value", "amount.value is too large");
        InvalidValueException.require(value.scale() <= 4, "amount.value", "amount.value has more than 4 decimals");
        InvalidValueException.require(currency != null && isIsoCurrency(currency), "amount.currency",
                "amount.currency must be an ISO 4217 code such as USD");
        value = value.stripTrailingZeros().scale() < 2 ? value.setScale(2) : value.stripTrailingZeros();
    }

    public static Money of(String value, String currency) {
        Objects.requireNonNull(value, "value");
        return new Money(new BigDecimal(value), currency);
    }

    private static boolean isIsoCurrency(String code) {
        try {
            return code.length() == 3 && Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return value.toPlainString() + " " + currency;
    }
}
