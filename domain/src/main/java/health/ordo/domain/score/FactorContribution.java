package health.ordo.domain.score;

import java.math.BigDecimal;

/**
 * One factor's part of a score.
 *
 * @param factor       factor name, e.g. {@code FINANCIAL_IMPACT}
 * @param rawInput     the input as a person reads it, e.g. {@code 1234.50 USD} or {@code 2.5 business days left}
 * @param normalized   the input mapped to 0..1
 * @param weight       the factor's weight in the policy
 * @param contribution points this factor adds to the score (the contributions sum to the score before rules)
 */
public record FactorContribution(String factor, String rawInput, BigDecimal normalized, BigDecimal weight,
                                 BigDecimal contribution) {
}
