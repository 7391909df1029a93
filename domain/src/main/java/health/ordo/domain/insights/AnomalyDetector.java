package health.ordo.domain.insights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells an unusual day from an ordinary one with a robust score: the day's value against the median of comparable days
 * (the same weekday of the previous weeks, holidays left out, so a Monday is compared with Mondays), in units of their
 * spread measured by the median absolute deviation (times 1.4826, the normal-consistent scale). Medians are not moved by
 * one odd day, so one busy Monday does not make the next one alarming. For counts the spread is never taken below the
 * Poisson one (the square root of the expected count): a queue that gets 3 items a day is not alarming at 6.
 */
public final class AnomalyDetector {

    /** Which way a value may stray to count: arrivals and failures alarm when they rise, attainment when it drops. */
    public enum Direction { UP, DOWN, BOTH }

    /** What a day is compared with: the expected value, the spread, how many comparable days it rests on. */
    public record Baseline(double expected, double spread, int days) {
    }

    /** An unusual day: its value, what was expected, the robust score (signed). */
    public record Finding(double actual, double expected, double score) {
    }

    private AnomalyDetector() {
    }

    /**
     * The baseline of {@code day} from the same weekday of the {@code weeks} weeks before it (holidays and days before the
     * series left out); empty with fewer than four such days.
     *
     * @param counts whether the values are counts (Poisson floor on the spread)
     */
    public static Optional<Baseline> sameWeekday(DailySeries series, LocalDate day, Set<LocalDate> holidays, int weeks, boolean counts) {
        List<Double> values = new ArrayList<>();
        for (int week = 1; week <= weeks; week++) {
            LocalDate earlier = day.minusWeeks(week);
            int index = (int) (earlier.toEpochDay() - series.start().toEpochDay());
            if (index >= 0 && index < series.length() && !holidays.contains(earlier)) {
                values.add(series.value(index));
            }
        }
        return baseline(values, counts);
    }

    /** The baseline from the given comparable values (e.g. the last 28 daily attainments); empty with fewer than four. */
    public static Optional<Baseline> baseline(List<Double> values, boolean counts) {
        if (values.size() < 4) {
            return Optional.empty();
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = median(sorted);
        double[] deviations = Arrays.stream(sorted).map(v -> Math.abs(v - median)).sorted().toArray();
        double spread = 1.4826 * median(deviations);
        if (counts) {
            spread = Math.max(spread, Math.sqrt(Math.max(median, 1)));
        }
        return Optional.of(new Baseline(median, Math.max(spread, 1e-9), sorted.length));
    }

    /**
     * Whether {@code actual} is unusual: its score at or beyond {@code threshold} in the direction watched, and its
     * distance from the expected value at least {@code minDeviation} (so a tiny absolute change never alarms).
     */
    public static Optional<Finding> check(double actual, Baseline baseline, Direction direction, double threshold, double minDeviation) {
        double deviation = actual - baseline.expected();
        double score = deviation / baseline.spread();
        boolean strays = switch (direction) {
            case UP -> score >= threshold;
            case DOWN -> score <= -threshold;
            case BOTH -> Math.abs(score) >= threshold;
        };
        if (!strays || Math.abs(deviation) < minDeviation) {
            return Optional.empty();
        }
        return Optional.of(new Finding(actual, baseline.expected(), Math.round(score * 100) / 100.0));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
