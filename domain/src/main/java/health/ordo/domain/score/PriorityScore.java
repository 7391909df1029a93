package health.ordo.domain.score;

import health.ordo.domain.shared.InvalidValueException;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How much a work item is worth working next: 0 (never mind) to 100 (drop everything), two decimals. */
public record PriorityScore(BigDecimal value) implements Comparable<PriorityScore> {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static final PriorityScore ZERO = new PriorityScore(BigDecimal.ZERO);

    public PriorityScore {
        InvalidValueException.require(value != null && value.signum() >= 0 && value.compareTo(HUNDRED) <= 0,
                "priorityScore", "a priority score lies between 0 and 100");
        value = value.setScale(2, RoundingMode.HALF_UP);
    }

    /** Score from a fraction between 0 and 1, clamped. */
    public static PriorityScore ofFraction(double fraction) {
        double clamped = Math.max(0, Math.min(1, fraction));
        return new PriorityScore(BigDecimal.valueOf(clamped * 100).setScale(2, RoundingMode.HALF_UP));
    }

    @Override
    public int compareTo(PriorityScore other) {
        return value.compareTo(other.value);
    }
}
