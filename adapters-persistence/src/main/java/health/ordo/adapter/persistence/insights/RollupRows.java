package health.ordo.adapter.persistence.insights;

import health.ordo.adapter.persistence.Sql;
import health.ordo.domain.insights.DailyRollup;
import health.ordo.domain.insights.DayMetrics;
import health.ordo.domain.insights.Dimension;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rollup rows: {@code work_daily} per day and {@code work_monthly} per calendar month (each month's row the sum of
 * its days' rows), changed in place by the difference a batch of fact replacements makes, or a day replaced whole. Pair
 * rows ({@link DailyRollup.Filter}) carry their filter in {@code filter_dimension} and {@code filter_value}; the others
 * keep both empty.
 * Every writer first takes the transaction-scoped advisory lock of each (tenant, month) it writes, in one global order
 * (tenant key, then month), so a change never interleaves with another change or a whole rebuild of the same rows, and
 * two writers never wait on each other in a cycle.
 */
final class RollupRows {

    /** The metric columns both tables share. */
    static final List<String> METRICS = List.of("arrivals", "arrived_amount", "completions", "completed_amount",
            "cancellations", "with_deadline", "met", "first_pass", "reopened", "exceptions", "overridden", "claims",
            "claims_as_proposed", "written_off", "recovered_amount", "written_off_amount", "cycle_buckets", "cycle_counts",
            "wait_buckets", "wait_counts", "touch_buckets", "touch_counts");

    /** The columns that, with the tenant and the date, name a row. */
    private static final List<String> KEYS = List.of("dimension", "filter_dimension", "filter_value", "value");

    /** The type of a metric column's array parameter: a histogram's sparse arrays travel as their text. */
    private static String arrayType(String column) {
        if (column.endsWith("_buckets") || column.endsWith("_counts")) {
            return "text";
        }
        return column.endsWith("_amount") ? "numeric" : "bigint";
    }

    /** The two tables, each with its date column: a day, or the first day of a month. */
    enum Grain {
        DAY("work_daily", "day"), MONTH("work_monthly", "month");

        final String table;
        final String date;
        private final String upsert;
        private final String delete;
        private final String stored;

        Grain(String table, String date) {
            this.table = table;
            this.date = date;
            // one statement for all the rows: a column array each (a histogram as its array's text), unnested into rows
            this.upsert = "insert into " + table + " (tenant_id, " + date + ", " + String.join(", ", KEYS) + ", " + String.join(", ", METRICS)
                    + ") select ?, u.day::date, " + KEYS.stream().map(column -> "u." + column).collect(Collectors.joining(", ")) + ", "
                    + METRICS.stream().map(column -> "u." + column + (column.endsWith("_buckets") ? "::smallint[]" : column.endsWith("_counts") ? "::bigint[]" : ""))
                            .collect(Collectors.joining(", "))
                    + " from unnest(" + "?::text[], ".repeat(KEYS.size() + 1) + METRICS.stream().map(column -> "?::" + arrayType(column) + "[]")
                            .collect(Collectors.joining(", ")) + ") as u(day, " + String.join(", ", KEYS) + ", " + String.join(", ", METRICS) + ")"
                    + " on conflict (tenant_id, dimension, filter_dimension, filter_value, " + date + ", value) do update set "
                    + METRICS.stream().map(column -> column + " = excluded." + column).collect(Collectors.joining(", "));
            // each key found by its own probe (a lateral sub-select with a limit, which PostgreSQL cannot flatten into a join):
            // as a join, a generic plan on a table not yet analysed walked the tenant's rows and rescanned the keys for each
            // (157 ms for 300 keys of 630 rows); the row is deleted by the address the probe found, which nothing else
            // changes meanwhile (the rows of a month are written under its lock, see lock)
            this.delete = "delete from " + table + " r using unnest(?::text[], " + "?::text[], ".repeat(KEYS.size() - 1) + "?::text[]) as k(day, "
                    + String.join(", ", KEYS) + ") cross join lateral (select x.ctid as address from " + table + " x where x.tenant_id = ? and x."
                    + date + " = k.day::date" + KEYS.stream().map(column -> " and x." + column + " = k." + column).collect(Collectors.joining())
                    + " limit 1) x where r.ctid = x.address";
            this.stored = "select r.* from unnest(?::date[], ?::text[], ?::text[], ?::text[], ?::text[]) as k(day, dimension, filter_dimension, filter_value, value)"
                    + " cross join lateral (select r." + date + " as day, r.dimension, r.filter_dimension, r.filter_value, r.value, "
                    + METRICS.stream().map(column -> "r." + column).collect(Collectors.joining(", ")) + " from " + table
                    + " r where r.tenant_id = ? and r." + date + " = k.day and r.dimension = k.dimension and r.filter_dimension = k.filter_dimension"
                    + " and r.filter_value = k.filter_value and r.value = k.value limit 1 for update of r) r";
        }
    }

    private final JdbcOperations jdbc;

    RollupRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A (tenant, day) whose rows are written. */
    record TenantDay(String tenant, LocalDate day) {

        int tenantKey() {
            return ("ordo:rollup/" + tenant).hashCode();
        }
    }

    /** Takes the locks of these days' months until the transaction ends, in the one global order. */
    void lock(Collection<TenantDay> days) {
        TreeSet<long[]> keys = new TreeSet<>(Comparator.<long[]>comparingLong(key -> key[0]).thenComparingLong(key -> key[1]));
        days.forEach(day -> keys.add(new long[]{day.tenantKey(), day.day().withDayOfMonth(1).toEpochDay()}));
        if (keys.isEmpty()) {
            return;
        }
        // unnest yields the arrays' elements in order, so the locks are taken in the order sorted here
        String tenants = keys.stream().map(key -> Long.toString(key[0])).collect(Collectors.joining(",", "{", "}"));
        String months = keys.stream().map(key -> Long.toString(key[1])).collect(Collectors.joining(",", "{", "}"));
        Sql.query(jdbc, "select pg_advisory_xact_lock(t, m) from unnest(?::int[], ?::int[]) as u(t, m)", rs -> 1, tenants, months);
    }

    /** Adds the changes to the tenant's stored day and month rows (their months locked first). */
    void change(String tenant, List<DailyRollup.Row> changes) {
        if (changes.isEmpty()) {
            return;
        }
        apply(Grain.DAY, tenant, changes);
        apply(Grain.MONTH, tenant, DailyRollup.byMonth(changes));
    }

    /**
     * Replaces each day's rows with those built for it (its month locked first); the months' rows change once, by the
     * days' summed difference, so a month's row is written once for all the days instead of once a day (a row
     * rewritten again and again in one transaction drags every earlier version of it along until the commit).
     */
    void replace(String tenant, List<LocalDate> days, Function<LocalDate, List<DailyRollup.Row>> rowsOf) {
        Map<DailyRollup.Key, DayMetrics> months = new HashMap<>();
        for (LocalDate day : days) {
            List<DailyRollup.Row> difference = difference(tenant, day, rowsOf.apply(day));
            apply(Grain.DAY, tenant, difference);
            for (DailyRollup.Row month : DailyRollup.byMonth(difference)) {
                months.computeIfAbsent(month.key(), key -> new DayMetrics()).add(month.metrics());
            }
        }
        apply(Grain.MONTH, tenant, rows(months));
    }

    /** What replacing the day's stored rows with these changes in them, row by row. */
    private List<DailyRollup.Row> difference(String tenant, LocalDate day, List<DailyRollup.Row> rows) {
        Map<DailyRollup.Key, DayMetrics> difference = new HashMap<>();
        Sql.query(jdbc, "select day, dimension, filter_dimension, filter_value, value, " + String.join(", ", METRICS)
                        + " from work_daily where tenant_id = ? and day = ? for update",
                rs -> {
                    DayMetrics gone = new DayMetrics();
                    gone.subtract(metrics(rs));
                    difference.put(key(rs), gone);
                    return 1;
                }, tenant, day);
        for (DailyRollup.Row row : rows) {
            difference.computeIfAbsent(row.key(), key -> new DayMetrics()).add(row.metrics());
        }
        return rows(difference);
    }

    /** The non-zero differences as rows, in no particular order. */
    private static List<DailyRollup.Row> rows(Map<DailyRollup.Key, DayMetrics> differences) {
        return differences.entrySet().stream().filter(entry -> !entry.getValue().isZero())
                .map(entry -> new DailyRollup.Row(entry.getKey().day(), entry.getKey().filter(), entry.getKey().dimension(),
                        entry.getKey().value(), entry.getValue()))
                .toList();
    }

    /** Adds the changes to the grain's stored rows: rows no fact counts in any more go. */
    private void apply(Grain grain, String tenant, List<DailyRollup.Row> changes) {
        Map<DailyRollup.Key, DayMetrics> stored = stored(grain, tenant, changes);
        List<DailyRollup.Row> kept = new ArrayList<>();
        List<DailyRollup.Key> gone = new ArrayList<>();
        for (DailyRollup.Row change : changes) {
            DayMetrics metrics = stored.getOrDefault(change.key(), new DayMetrics());
            metrics.add(change.metrics());
            if (!metrics.untouched()) {
                kept.add(new DailyRollup.Row(change.day(), change.filter(), change.dimension(), change.value(), metrics));
            } else if (stored.containsKey(change.key())) {
                gone.add(change.key());
            }
        }
        write(tenant, grain, kept);
        if (!gone.isEmpty()) {
            Sql.prepare(jdbc, grain.delete, statement -> {
                Connection connection = statement.getConnection();
                statement.setArray(1, connection.createArrayOf("text", gone.stream().map(key -> key.day().toString()).toArray()));
                statement.setArray(2, connection.createArrayOf("text", gone.stream().map(key -> dimensionName(key.dimension())).toArray()));
                statement.setArray(3, connection.createArrayOf("text", gone.stream().map(key -> filterDimension(key.filter())).toArray()));
                statement.setArray(4, connection.createArrayOf("text", gone.stream().map(key -> filterValue(key.filter())).toArray()));
                statement.setArray(5, connection.createArrayOf("text", gone.stream().map(DailyRollup.Key::value).toArray()));
                statement.setString(6, tenant);
                return statement.executeUpdate();
            });
        }
    }

    private Map<DailyRollup.Key, DayMetrics> stored(Grain grain, String tenant, List<DailyRollup.Row> rows) {
        Map<DailyRollup.Key, DayMetrics> stored = new HashMap<>();
        Sql.prepare(jdbc, grain.stored, statement -> {
            Connection connection = statement.getConnection();
            statement.setArray(1, connection.createArrayOf("date", rows.stream().map(DailyRollup.Row::day).toArray()));
            statement.setArray(2, connection.createArrayOf("text", rows.stream().map(row -> dimensionName(row.dimension())).toArray()));
            statement.setArray(3, connection.createArrayOf("text", rows.stream().map(row -> filterDimension(row.filter())).toArray()));
            statement.setArray(4, connection.createArrayOf("text", rows.stream().map(row -> filterValue(row.filter())).toArray()));
            statement.setArray(5, connection.createArrayOf("text", rows.stream().map(DailyRollup.Row::value).toArray()));
            statement.setString(6, tenant);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    stored.put(key(rs), metrics(rs));
                }
            }
            return stored;
        });
        return stored;
    }

    private static DailyRollup.Key key(ResultSet rs) throws SQLException {
        String filterDimension = rs.getString("filter_dimension");
        DailyRollup.Filter filter = filterDimension.isEmpty() ? null
                : new DailyRollup.Filter(Dimension.fromApiName(filterDimension), rs.getString("filter_value"));
        return new DailyRollup.Key(rs.getObject("day", LocalDate.class), filter, Dimension.fromApiName(rs.getString("dimension")),
                rs.getString("value"));
    }

    /** A row's metrics, histograms included, from its columns ({@link #METRICS}). */
    static DayMetrics metrics(ResultSet rs) throws SQLException {
        DayMetrics m = new DayMetrics();
        m.arrivals = rs.getLong("arrivals");
        m.arrivedAmount = rs.getBigDecimal("arrived_amount");
        m.completions = rs.getLong("completions");
        m.completedAmount = rs.getBigDecimal("completed_amount");
        m.cancellations = rs.getLong("cancellations");
        m.withDeadline = rs.getLong("with_deadline");
        m.met = rs.getLong("met");
        m.firstPass = rs.getLong("first_pass");
        m.reopened = rs.getLong("reopened");
        m.exceptions = rs.getLong("exceptions");
        m.overridden = rs.getLong("overridden");
        m.claims = rs.getLong("claims");
        m.claimsAsProposed = rs.getLong("claims_as_proposed");
        m.writtenOff = rs.getLong("written_off");
        m.recoveredAmount = rs.getBigDecimal("recovered_amount");
        m.writtenOffAmount = rs.getBigDecimal("written_off_amount");
        addHistogram(rs, "cycle", m.cycle);
        addHistogram(rs, "wait", m.waiting);
        addHistogram(rs, "touch", m.touch);
        return m;
    }

    /** Adds a row's sparse histogram of the measure ({@code cycle}, {@code wait}, {@code touch}) to the counts. */
    private static void addHistogram(ResultSet rs, String measure, long[] into) throws SQLException {
        Object[] buckets = (Object[]) rs.getArray(measure + "_buckets").getArray();
        Object[] counts = (Object[]) rs.getArray(measure + "_counts").getArray();
        for (int i = 0; i < buckets.length; i++) {
            into[((Number) buckets[i]).intValue()] += ((Number) counts[i]).longValue();
        }
    }

    /** Inserts the rows, or overwrites the stored ones, in one statement. */
    private void write(String tenant, Grain grain, List<DailyRollup.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int size = rows.size();
        String[] days = new String[size];
        String[][] keys = new String[KEYS.size()][size];
        Object[][] metrics = new Object[METRICS.size()][size];
        for (int i = 0; i < size; i++) {
            DailyRollup.Row row = rows.get(i);
            DayMetrics m = row.metrics();
            days[i] = row.day().toString();
            keys[0][i] = dimensionName(row.dimension());
            keys[1][i] = filterDimension(row.filter());
            keys[2][i] = filterValue(row.filter());
            keys[3][i] = row.value();
            Object[] values = {m.arrivals, m.arrivedAmount, m.completions, m.completedAmount, m.cancellations, m.withDeadline, m.met,
                    m.firstPass, m.reopened, m.exceptions, m.overridden, m.claims, m.claimsAsProposed, m.writtenOff, m.recoveredAmount,
                    m.writtenOffAmount, buckets(m.cycle), counts(m.cycle), buckets(m.waiting), counts(m.waiting), buckets(m.touch), counts(m.touch)};
            for (int column = 0; column < values.length; column++) {
                metrics[column][i] = values[column];
            }
        }
        Sql.prepare(jdbc, grain.upsert, statement -> {
            Connection connection = statement.getConnection();
            statement.setString(1, tenant);
            statement.setArray(2, connection.createArrayOf("text", days));
            for (int k = 0; k < keys.length; k++) {
                statement.setArray(3 + k, connection.createArrayOf("text", keys[k]));
            }
            for (int column = 0; column < metrics.length; column++) {
                statement.setArray(3 + keys.length + column, connection.createArrayOf(arrayType(METRICS.get(column)), metrics[column]));
            }
            return statement.executeUpdate();
        });
    }

    private static String dimensionName(Dimension dimension) {
        return dimension == null ? "" : dimension.apiName();
    }

    static String filterDimension(DailyRollup.Filter filter) {
        return filter == null ? "" : filter.dimension().apiName();
    }

    static String filterValue(DailyRollup.Filter filter) {
        return filter == null ? "" : filter.value();
    }

    /** The buckets of a histogram that hold anything (sparse: a rollup row fills a dozen or so of the 80), as array text. */
    static String buckets(long[] histogram) {
        StringJoiner buckets = new StringJoiner(",", "{", "}");
        for (int i = 0; i < histogram.length; i++) {
            if (histogram[i] != 0) {
                buckets.add(Integer.toString(i));
            }
        }
        return buckets.toString();
    }

    /** The counts of those buckets, in the same order, as array text. */
    static String counts(long[] histogram) {
        StringJoiner counts = new StringJoiner(",", "{", "}");
        for (long count : histogram) {
            if (count != 0) {
                counts.add(Long.toString(count));
            }
        }
        return counts.toString();
    }
}
