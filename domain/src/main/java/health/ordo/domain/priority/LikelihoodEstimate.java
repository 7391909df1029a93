package health.ordo.domain.priority;

/**
 * Probability that working an item recovers its money, with where the number came from.
 *
 * @param basis          e.g. {@code learned: Aetna / CO (42 closed items)} or {@code prior: CO-50}
 * @param degraded       true when the model was unavailable and a deterministic prior stands in
 * @param degradedReason why, when degraded
 */
public record LikelihoodEstimate(double value, String basis, boolean degraded, String degradedReason) {

    public LikelihoodEstimate {
        if (Double.isNaN(value) || value < 0 || value > 1) {
            throw new IllegalArgumentException("a likelihood lies between 0 and 1");
        }
    }

    public static LikelihoodEstimate of(double value, String basis) {
        return new LikelihoodEstimate(value, basis, false, null);
    }

    public LikelihoodEstimate degradedBecause(String reason) {
        return new LikelihoodEstimate(value, basis, true, reason);
    }
}
