package health.ordo.domain.insights;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Daily rollup rows: for each day, one row for everything and one per value of each {@link Dimension}, so a read
 * grouped by any one dimension sums a few rows per day instead of scanning facts. A fact counts on its arrival day
 * and on its closing day (in the given zone).
 *
 * <p>For the dimensions in {@link #PAIRED} the rows are also kept per value of that dimension (the row's {@link Filter})
 * and of each other dimension, so a read filtered by one such value (a supervisor's own team, one payer, one supplier)
 * and grouped by any other dimension also sums rows instead of fetching the facts, which one value's facts spread a page
 * each over the history. A fact without a value of a paired dimension (an invoice has no payer, a claim no supplier)
 * adds no pair rows for it: nobody filters by "none", and such a read goes to the facts.
 *
 * <p>Rows are built whole from a day's facts ({@link #of}), or as the {@link Change} a set of fact replacements makes
 * to the rows already stored: the metrics are additive, so the stored row plus the change is the row built whole.
 */
public final class DailyRollup {

    /**
     * The dimensions whose values filter pair rows: every one but the worker. Without them a read filtered by one value
     * reads the range's facts: those of the team (every read of a supervisor working in one), the site, the type, the
     * supplier, the specialty or the source system have no index and are read whole, a month at 10,000,000 facts in
     * 0.5–1.4 s. A worker's facts are found by their index (a worker's 90 days in about 130 ms at 10,000,000 facts), and
     * pairs of each worker with each other dimension would double the rows.
     */
    public static final Set<Dimension> PAIRED = Set.copyOf(EnumSet.complementOf(EnumSet.of(Dimension.WORKER)));

    private static final Comparator<Dimension> DIMENSION_ORDER = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Key> KEY_ORDER = Comparator.comparing(Key::day)
            .thenComparing(key -> key.filter() == null ? null : key.filter().dimension(), DIMENSION_ORDER)
            .thenComparing(key -> key.filter() == null ? "" : key.filter().value())
            .thenComparing(Key::dimension, DIMENSION_ORDER)
            .thenComparing(Key::value);

    private DailyRollup() {
    }

    /** The one value of a {@link #PAIRED} dimension a pair row counts the facts of. */
    public record Filter(Dimension dimension, String value) {

        public Filter {
            if (dimension == null || !PAIRED.contains(dimension) || value == null) {
                throw new IllegalArgumentException("no pair rows are kept for " + dimension + " = " + value);
            }
        }
    }

    /**
     * A rollup row: {@code dimension} null for the row over everything (its value is empty); {@code filter} null but for
     * pair rows, which count only the facts with the filter's value (and always have a dimension, another than the filter's).
     */
    public record Row(LocalDate day, Filter filter, Dimension dimension, String value, DayMetrics metrics) {

        public Row(LocalDate day, Dimension dimension, String value, DayMetrics metrics) {
            this(day, null, dimension, value, metrics);
        }

        public Key key() {
            return new Key(day, filter, dimension, value);
        }
    }

    /** A row's identity. */
    public record Key(LocalDate day, Filter filter, Dimension dimension, String value) {

        public Key(LocalDate day, Dimension dimension, String value) {
            this(day, null, dimension, value);
        }
    }

    /** The rows of one day from the facts that touch it (facts that neither arrived nor closed that day are passed over). */
    public static List<Row> of(LocalDate day, ZoneId zone, Iterable<WorkFact> facts) {
        Map<Key, Row> rows = new HashMap<>();
        for (WorkFact fact : facts) {
            count(rows, fact, zone, 1, day::equals, DailyRollup::everyKey);
        }
        return sorted(rows.values().stream());
    }

    /**
     * The rows of one dimension ({@code null}: the row of all values) for each day from {@code from} to {@code to}, from
     * facts already filtered, counted as they are read: what a read of the facts sums. Only the grouped dimension is
     * counted, not every row a day keeps, and days outside the range are passed over.
     */
    public static final class OneDimension implements Consumer<WorkFact> {
        private final ZoneId zone;
        private final Dimension dimension;
        private final Predicate<LocalDate> inRange;
        private final Map<Key, Row> rows = new HashMap<>();

        public OneDimension(LocalDate from, LocalDate to, ZoneId zone, Dimension dimension) {
            this.zone = zone;
            this.dimension = dimension;
            this.inRange = day -> !day.isBefore(from) && !day.isAfter(to);
        }

        @Override
        public void accept(WorkFact fact) {
            count(rows, fact, zone, 1, inRange,
                    (counted, day) -> List.of(new Key(day, dimension, dimension == null ? "" : counted.value(dimension))));
        }

        /** The rows in key order. */
        public List<Row> rows() {
            return sorted(rows.values().stream());
        }
    }

    /**
     * What replacing facts changes in the stored rows: each fact added counts in, each fact removed counts out, on
     * every day it touches. Rows the changes cancel out in are left out.
     */
    public static final class Change {
        private final ZoneId zone;
        private final Map<Key, Row> rows = new HashMap<>();

        public Change(ZoneId zone) {
            this.zone = zone;
        }

        public Change add(WorkFact fact) {
            count(rows, fact, zone, 1, day -> true, DailyRollup::everyKey);
            return this;
        }

        public Change remove(WorkFact fact) {
            count(rows, fact, zone, -1, day -> true, DailyRollup::everyKey);
            return this;
        }

        /** The changed rows in key order (day, dimension, value), each holding the difference to add to the stored row. */
        public List<Row> rows() {
            return sorted(rows.values().stream().filter(row -> !row.metrics().isZero()));
        }
    }

    /**
     * The same rows summed per calendar month: each row's day is the first of its month. A month's row is then the
     * sum of its days' rows, kept so reads over months sum a row per month instead of one per day.
     */
    public static List<Row> byMonth(List<Row> rows) {
        Map<Key, Row> months = new HashMap<>();
        for (Row row : rows) {
            Key month = new Key(row.day().withDayOfMonth(1), row.filter(), row.dimension(), row.value());
            months.computeIfAbsent(month, DailyRollup::empty).metrics().add(row.metrics());
        }
        return sorted(months.values().stream().filter(row -> !row.metrics().isZero()));
    }

    /** Rows are gathered in a hash map (a day of a large tenant counts hundreds of thousands of keys) and sorted once. */
    private static List<Row> sorted(Stream<Row> rows) {
        return rows.sorted(Comparator.comparing(Row::key, KEY_ORDER)).toList();
    }

    private static Row empty(Key key) {
        return new Row(key.day(), key.filter(), key.dimension(), key.value(), new DayMetrics());
    }

    private static void count(Map<Key, Row> rows, WorkFact fact, ZoneId zone, int sign, Predicate<LocalDate> days,
                              BiFunction<WorkFact, LocalDate, List<Key>> keys) {
        LocalDate arrivalDay = fact.receivedAt().atZone(zone).toLocalDate();
        if (days.test(arrivalDay)) {
            addToRows(rows, keys.apply(fact, arrivalDay), DayMetrics.Part.arrival(fact), sign);
        }
        if (fact.closedAt() != null) {
            LocalDate closingDay = fact.closedAt().atZone(zone).toLocalDate();
            if (days.test(closingDay)) {
                addToRows(rows, keys.apply(fact, closingDay), DayMetrics.Part.closing(fact), sign);
            }
        }
    }

    /** Every row a day keeps for a fact: all values, each dimension's value, and each pair of a paired dimension's value and another's. */
    private static List<Key> everyKey(WorkFact fact, LocalDate day) {
        Dimension[] dimensions = Dimension.values();
        List<Key> keys = new ArrayList<>((dimensions.length + 1) + PAIRED.size() * (dimensions.length - 1));
        keys.add(new Key(day, null, ""));
        for (Dimension dimension : dimensions) {
            keys.add(new Key(day, dimension, fact.value(dimension)));
        }
        for (Dimension paired : dimensions) {
            String value = fact.value(paired);
            if (PAIRED.contains(paired) && !Dimension.NONE.equals(value)) {
                Filter filter = new Filter(paired, value);
                for (Dimension dimension : dimensions) {
                    if (dimension != paired) {
                        keys.add(new Key(day, filter, dimension, fact.value(dimension)));
                    }
                }
            }
        }
        return keys;
    }

    private static void addToRows(Map<Key, Row> rows, List<Key> keys, DayMetrics.Part part, int sign) {
        for (Key key : keys) {
            rows.computeIfAbsent(key, DailyRollup::empty).metrics().count(part, sign);
        }
    }
}
