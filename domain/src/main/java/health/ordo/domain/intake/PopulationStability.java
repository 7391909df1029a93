package health.ordo.domain.intake;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The population stability index between a baseline and a current distribution of the same categories (document types,
 * or confidence bins): the sum over categories of (current share - baseline share) * ln(current share / baseline share).
 * Below 0.1 is usually read as stable, 0.1 to 0.25 as a moderate shift, above 0.25 as a significant one.
 */
public final class PopulationStability {

    /** Shares below this are floored, so a category absent on one side does not make the index infinite. */
    private static final double FLOOR = 0.0001;

    private PopulationStability() {
    }

    public static <K> double index(Map<K, Long> baseline, Map<K, Long> current) {
        long baseTotal = baseline.values().stream().mapToLong(Long::longValue).sum();
        long currentTotal = current.values().stream().mapToLong(Long::longValue).sum();
        if (baseTotal == 0 || currentTotal == 0) {
            return 0;
        }
        Set<K> keys = new HashSet<>(baseline.keySet());
        keys.addAll(current.keySet());
        double psi = 0;
        for (K key : keys) {
            double b = Math.max(FLOOR, (double) baseline.getOrDefault(key, 0L) / baseTotal);
            double c = Math.max(FLOOR, (double) current.getOrDefault(key, 0L) / currentTotal);
            psi += (c - b) * Math.log(c / b);
        }
        return psi;
    }
}
