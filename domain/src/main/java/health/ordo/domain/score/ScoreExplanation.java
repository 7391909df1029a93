package health.ordo.domain.score;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Why an item has its score: each factor's contribution, every rule that fired, the policy and version used,
 * when it was computed, and whether an input was degraded (e.g. the recovery-likelihood model was unavailable
 * and a deterministic prior was used instead).
 *
 * @param computedScore  the policy's result (contributions, then rules, clamped to 0..100)
 * @param likelihood     the recovery likelihood used, whether or not the policy weighs it
 * @param degradedReason the raw reason the likelihood was degraded, or null
 */
public record ScoreExplanation(PriorityScore computedScore, List<FactorContribution> factors, List<FiredRule> rules,
                               String policyId, int policyVersion, Instant computedAt, boolean degraded,
                               List<String> degradedReasons, BigDecimal likelihood, String likelihoodBasis,
                               String degradedReason) {

    public ScoreExplanation {
        factors = List.copyOf(factors);
        rules = List.copyOf(rules);
        degradedReasons = List.copyOf(degradedReasons);
    }

    /** What to store to recompute this explanation later. */
    public ScoreBasis basis() {
        return new ScoreBasis(computedScore, policyId, policyVersion, computedAt, likelihood, likelihoodBasis, degradedReason);
    }

    /** Sum of the factor contributions: the score before any rule. */
    public BigDecimal baseScore() {
        return factors.stream().map(FactorContribution::contribution).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
