package health.ordo.domain.priority;

import java.math.BigDecimal;
import java.util.List;

/**
 * "When all conditions hold, change the score": e.g. deadline within 2 business days ⇒ score ≥ 90 (FLOOR 90);
 * amount under 25 and likelihood under 0.1 ⇒ score ≤ 10 (CEILING 10). Rules apply in order, each to the score
 * the previous ones left.
 */
public record DecisionRule(String name, List<RuleCondition> when, Effect effect, BigDecimal value) {

    /** What a rule does to the score. */
    public enum Effect {
        /** score = max(score, value) */ FLOOR,
        /** score = min(score, value) */ CEILING,
        /** score = value */ SET,
        /** score = score + value (value may be negative) */ ADD
    }

    public DecisionRule {
        when = when == null ? List.of() : List.copyOf(when);
    }
}
