package health.ordo.domain.score;

import java.math.BigDecimal;

/**
 * A decision rule that fired while scoring, and what it did to the score.
 *
 * @param effect e.g. {@code FLOOR 90}
 */
public record FiredRule(String rule, String effect, BigDecimal before, BigDecimal after) {
}
