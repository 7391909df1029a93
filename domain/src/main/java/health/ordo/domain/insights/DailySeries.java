package health.ordo.domain.insights;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/** One count per calendar day from {@code start}, with no gap (a day without arrivals counts 0). */
public record DailySeries(LocalDate start, double[] values) {

    public DailySeries {
        Objects.requireNonNull(start, "start");
        values = values.clone();
    }

    /** The series from {@code from} to {@code to} inclusive, taking each day's count from the map (0 when absent). */
    public static DailySeries of(LocalDate from, LocalDate to, Map<LocalDate, ? extends Number> counts) {
        int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        double[] values = new double[Math.max(days, 0)];
        for (int i = 0; i < values.length; i++) {
            Number count = counts.get(from.plusDays(i));
            values[i] = count == null ? 0 : count.doubleValue();
        }
        return new DailySeries(from, values);
    }

    public int length() {
        return values.length;
    }

    public LocalDate date(int index) {
        return start.plusDays(index);
    }

    public double value(int index) {
        return values[index];
    }

    /** The first {@code days} days. */
    public DailySeries head(int days) {
        return new DailySeries(start, Arrays.copyOf(values, days));
    }

    /** The last {@code days} days. */
    public DailySeries tail(int days) {
        return new DailySeries(start.plusDays(values.length - days), Arrays.copyOfRange(values, values.length - days, values.length));
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DailySeries series && start.equals(series.start) && Arrays.equals(values, series.values);
    }

    @Override
    public int hashCode() {
        return 31 * start.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "DailySeries[" + start + ", " + values.length + " days]";
    }
}
