package health.ordo.domain.score;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Why an item has its score: each factor's contribution, every rule that fired, the policy and version used,
 * when it was computed, and whether an input was degraded (e.g. the recovery-likelihood model was unavailable
 * and a deterministic prior was used instead).
 *
 * @param computedScore the policy's result (contributions, then rules, clamped to 0..100)
 */
public record ScoreExplanation(PriorityScore computedScore, List<FactorContribution> factors, List<FiredRule> rules,
                               String policyId, int policyVersion, Instant computedAt, boolean degraded,
                               List<String> degradedReasons) {

    public ScoreExplanation {
        factors = List.copyOf(factors);
        rules = List.copyOf(rules);
        degradedReasons = List.copyOf(degradedReasons);
    }

    /** Sum of the factor contributions: the score before any rule. */
    public BigDecimal baseScore() {
        return factors.stream().map(FactorContribution::contribution).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
