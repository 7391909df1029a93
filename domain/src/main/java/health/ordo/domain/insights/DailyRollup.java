package health.ordo.domain.insights;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Daily rollup rows: for each day, one row for everything and one per value of each {@link Dimension}, so a read
 * grouped by any one dimension sums a few rows per day instead of scanning facts. A fact counts on its arrival day
 * and on its closing day (in the given zone).
 *
 * <p>Rows are built whole from a day's facts ({@link #of}), or as the {@link Change} a set of fact replacements makes
 * to the rows already stored: the metrics are additive, so the stored row plus the change is the row built whole.
 */
public final class DailyRollup {

    private static final Comparator<Key> KEY_ORDER = Comparator.comparing(Key::day)
            .thenComparing(key -> key.dimension() == null ? "" : key.dimension().apiName())
            .thenComparing(Key::value);

    private DailyRollup() {
    }

    /** A rollup row: {@code dimension} null for the row over everything (its value is empty). */
    public record Row(LocalDate day, Dimension dimension, String value, DayMetrics metrics) {

        public Key key() {
            return new Key(day, dimension, value);
        }
    }

    /** A row's identity. */
    public record Key(LocalDate day, Dimension dimension, String value) {
    }

    /** The rows of one day from the facts that touch it (facts that neither arrived nor closed that day are passed over). */
    public static List<Row> of(LocalDate day, ZoneId zone, Iterable<WorkFact> facts) {
        Map<Key, Row> rows = new TreeMap<>(KEY_ORDER);
        for (WorkFact fact : facts) {
            count(rows, fact, zone, 1, day::equals);
        }
        return List.copyOf(rows.values());
    }

    /**
     * What replacing facts changes in the stored rows: each fact added counts in, each fact removed counts out, on
     * every day it touches. Rows the changes cancel out in are left out.
     */
    public static final class Change {
        private final ZoneId zone;
        private final Map<Key, Row> rows = new TreeMap<>(KEY_ORDER);

        public Change(ZoneId zone) {
            this.zone = zone;
        }

        public Change add(WorkFact fact) {
            count(rows, fact, zone, 1, day -> true);
            return this;
        }

        public Change remove(WorkFact fact) {
            count(rows, fact, zone, -1, day -> true);
            return this;
        }

        /** The changed rows in key order (day, dimension, value), each holding the difference to add to the stored row. */
        public List<Row> rows() {
            return rows.values().stream().filter(row -> !row.metrics().isZero()).toList();
        }
    }

    /**
     * The same rows summed per calendar month: each row's day is the first of its month. A month's row is then the
     * sum of its days' rows, kept so reads over months sum a row per month instead of one per day.
     */
    public static List<Row> byMonth(List<Row> rows) {
        Map<Key, Row> months = new TreeMap<>(KEY_ORDER);
        for (Row row : rows) {
            Key month = new Key(row.day().withDayOfMonth(1), row.dimension(), row.value());
            months.computeIfAbsent(month, k -> new Row(k.day(), k.dimension(), k.value(), new DayMetrics())).metrics().add(row.metrics());
        }
        return months.values().stream().filter(row -> !row.metrics().isZero()).toList();
    }

    private static void count(Map<Key, Row> rows, WorkFact fact, ZoneId zone, int sign, Predicate<LocalDate> days) {
        LocalDate arrivalDay = fact.receivedAt().atZone(zone).toLocalDate();
        if (days.test(arrivalDay)) {
            DayMetrics arrival = new DayMetrics();
            arrival.arrived(fact);
            addToRows(rows, fact, arrivalDay, arrival, sign);
        }
        if (fact.closedAt() != null) {
            LocalDate closingDay = fact.closedAt().atZone(zone).toLocalDate();
            if (days.test(closingDay)) {
                DayMetrics closing = new DayMetrics();
                closing.closed(fact);
                addToRows(rows, fact, closingDay, closing, sign);
            }
        }
    }

    private static void addToRows(Map<Key, Row> rows, WorkFact fact, LocalDate day, DayMetrics metrics, int sign) {
        List<Key> keys = new ArrayList<>(Dimension.values().length + 1);
        keys.add(new Key(day, null, ""));
        for (Dimension dimension : Dimension.values()) {
            keys.add(new Key(day, dimension, fact.value(dimension)));
        }
        for (Key key : keys) {
            DayMetrics row = rows.computeIfAbsent(key, k -> new Row(k.day(), k.dimension(), k.value(), new DayMetrics())).metrics();
            if (sign > 0) {
                row.add(metrics);
            } else {
                row.subtract(metrics);
            }
        }
    }
}
