package health.ordo.domain.score;

import health.ordo.domain.shared.InvalidValueException;

import java.math.BigDecimal;

/** Where a person puts an item regardless of its computed score: top, bottom or a given score. */
public record OverrideTarget(Kind kind, PriorityScore score) {

    /** The kinds of target. */
    public enum Kind { PIN_TOP, PIN_BOTTOM, SCORE }

    public OverrideTarget {
        InvalidValueException.require(kind != null, "target", "target is required: PIN_TOP, PIN_BOTTOM or SCORE");
        InvalidValueException.require(kind != Kind.SCORE || score != null, "score", "a SCORE target needs a score");
        if (kind == Kind.PIN_TOP) {
            score = new PriorityScore(BigDecimal.valueOf(100));
        } else if (kind == Kind.PIN_BOTTOM) {
            score = PriorityScore.ZERO;
        }
    }
}
