package health.ordo.domain.score;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The few facts a computed score rests on besides the item itself: the policy version, when it was computed and the
 * recovery likelihood used. Stored with the item; the full {@link ScoreExplanation} is recomputed from them on demand,
 * identically, because policy versions and item content never change. Keeps bulk re-scoring to a few columns per row.
 *
 * @param degradedReason why the likelihood was a fallback prior, or null when it was not degraded
 */
public record ScoreBasis(PriorityScore computedScore, String policyId, int policyVersion, Instant computedAt,
                         BigDecimal likelihood, String likelihoodBasis, String degradedReason) {

    public ScoreBasis {
        Objects.requireNonNull(computedScore, "computedScore");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(computedAt, "computedAt");
        Objects.requireNonNull(likelihood, "likelihood");
    }
}
