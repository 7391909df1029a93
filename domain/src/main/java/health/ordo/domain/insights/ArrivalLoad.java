package health.ordo.domain.insights;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The work expected to arrive in a queue, per calendar day (in working hours: forecast arrivals times handling time),
 * and where new arrivals land in Ordo's order: the scores of the queue's recent arrivals. An arrival scoring above an
 * open item is worked before it, so the share of arrivals that outrank an item is the share of recent scores above
 * its score.
 */
public record ArrivalLoad(Map<LocalDate, Double> hoursByDate, double[] recentScores) {

    public static final ArrivalLoad NONE = new ArrivalLoad(Map.of(), new double[0]);

    public ArrivalLoad {
        hoursByDate = new TreeMap<>(hoursByDate);
        recentScores = recentScores.clone();
        Arrays.sort(recentScores);
    }

    /**
     * The share of arrivals scoring above {@code score}; half when no recent score is known (an arrival is as likely
     * to land above as below).
     */
    public double shareAbove(double score) {
        if (recentScores.length == 0) {
            return 0.5;
        }
        int index = Arrays.binarySearch(recentScores, Math.nextUp(score));
        int firstAbove = index >= 0 ? index : -index - 1;
        while (firstAbove > 0 && recentScores[firstAbove - 1] > score) {
            firstAbove--;
        }
        return (recentScores.length - firstAbove) / (double) recentScores.length;
    }

    /** Hours arriving after {@code after} up to and including {@code upTo}. */
    public double hoursBetween(LocalDate after, LocalDate upTo) {
        double sum = 0;
        for (Map.Entry<LocalDate, Double> day : ((TreeMap<LocalDate, Double>) hoursByDate).subMap(after, false, upTo, true).entrySet()) {
            sum += day.getValue();
        }
        return sum;
    }
}
