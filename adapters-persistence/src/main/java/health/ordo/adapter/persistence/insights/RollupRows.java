package health.ordo.adapter.persistence.insights;

import health.ordo.adapter.persistence.Sql;
import health.ordo.domain.insights.DailyRollup;
import health.ordo.domain.insights.DayMetrics;
import health.ordo.domain.insights.Dimension;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.Array;
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
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rollup rows: {@code work_daily} per day and {@code work_monthly} per calendar month (each month's row the sum of
 * its days' rows), changed in place by the difference a batch of fact replacements makes, or a day replaced whole.
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

    /** The two tables, each with its date column: a day, or the first day of a month. */
    enum Grain {
        DAY("work_daily", "day"), MONTH("work_monthly", "month");

        final String table;
        final String date;
        private final String upsert;
        private final String stored;

        Grain(String table, String date) {
            this.table = table;
            this.date = date;
            this.upsert = "insert into " + table + " (tenant_id, " + date + ", dimension, value, " + String.join(", ", METRICS)
                    + ") values (" + "?, ".repeat(METRICS.size() + 3) + "?) on conflict (tenant_id, dimension, " + date + ", value) do update set "
                    + METRICS.stream().map(column -> column + " = excluded." + column).collect(Collectors.joining(", "));
            this.stored = "select r." + date + " as day, r.dimension, r.value, " + METRICS.stream().map(column -> "r." + column)
                    .collect(Collectors.joining(", ")) + " from " + table + " r join unnest(?::date[], ?::text[], ?::text[]) as k(day, dimension, value)"
                    + " on r." + date + " = k.day and r.dimension = k.dimension and r.value = k.value where r.tenant_id = ? for update of r";
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

    /** Replaces the day's rows (its month locked first); its month's rows change by the difference. */
    void replace(String tenant, LocalDate day, List<DailyRollup.Row> rows) {
        Map<DailyRollup.Key, DayMetrics> difference = new HashMap<>();
        Sql.query(jdbc, "select day, dimension, value, " + String.join(", ", METRICS) + " from work_daily where tenant_id = ? and day = ? for update",
                rs -> {
                    DayMetrics gone = new DayMetrics();
                    gone.subtract(metrics(rs));
                    difference.put(key(rs), gone);
                    return 1;
                }, tenant, day);
        for (DailyRollup.Row row : rows) {
            difference.computeIfAbsent(row.key(), key -> new DayMetrics()).add(row.metrics());
        }
        change(tenant, difference.entrySet().stream().filter(entry -> !entry.getValue().isZero())
                .map(entry -> new DailyRollup.Row(entry.getKey().day(), entry.getKey().dimension(), entry.getKey().value(), entry.getValue()))
                .toList());
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
                kept.add(new DailyRollup.Row(change.day(), change.dimension(), change.value(), metrics));
            } else if (stored.containsKey(change.key())) {
                gone.add(change.key());
            }
        }
        write(tenant, grain.upsert, kept);
        if (!gone.isEmpty()) {
            Sql.prepareBatch(jdbc, "delete from " + grain.table + " where tenant_id = ? and dimension = ? and " + grain.date + " = ? and value = ?",
                    statement -> {
                        for (DailyRollup.Key key : gone) {
                            Sql.bind(statement, tenant, dimensionName(key.dimension()), key.day(), key.value());
                            statement.addBatch();
                        }
                        return statement.executeBatch();
                    });
        }
    }

    private Map<DailyRollup.Key, DayMetrics> stored(Grain grain, String tenant, List<DailyRollup.Row> rows) {
        Map<DailyRollup.Key, DayMetrics> stored = new HashMap<>();
        Sql.prepare(jdbc, grain.stored, statement -> {
            Connection connection = statement.getConnection();
            statement.setArray(1, connection.createArrayOf("date", rows.stream().map(DailyRollup.Row::day).toArray()));
            statement.setArray(2, connection.createArrayOf("text", rows.stream().map(row -> dimensionName(row.dimension())).toArray()));
            statement.setArray(3, connection.createArrayOf("text", rows.stream().map(DailyRollup.Row::value).toArray()));
            statement.setString(4, tenant);
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
        return new DailyRollup.Key(rs.getObject("day", LocalDate.class), Dimension.fromApiName(rs.getString("dimension")), rs.getString("value"));
    }

    private static DayMetrics metrics(ResultSet rs) throws SQLException {
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
    static void addHistogram(ResultSet rs, String measure, long[] into) throws SQLException {
        Object[] buckets = (Object[]) rs.getArray(measure + "_buckets").getArray();
        Object[] counts = (Object[]) rs.getArray(measure + "_counts").getArray();
        for (int i = 0; i < buckets.length; i++) {
            into[((Number) buckets[i]).intValue()] += ((Number) counts[i]).longValue();
        }
    }

    private void write(String tenant, String sql, List<DailyRollup.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Sql.prepareBatch(jdbc, sql, statement -> {
            Connection connection = statement.getConnection();
            for (DailyRollup.Row row : rows) {
                DayMetrics m = row.metrics();
                Sql.bind(statement, tenant, row.day(), dimensionName(row.dimension()), row.value(),
                        m.arrivals, m.arrivedAmount, m.completions, m.completedAmount, m.cancellations, m.withDeadline, m.met,
                        m.firstPass, m.reopened, m.exceptions, m.overridden, m.claims, m.claimsAsProposed, m.writtenOff,
                        m.recoveredAmount, m.writtenOffAmount, buckets(connection, m.cycle), counts(connection, m.cycle),
                        buckets(connection, m.waiting), counts(connection, m.waiting), buckets(connection, m.touch), counts(connection, m.touch));
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    private static String dimensionName(Dimension dimension) {
        return dimension == null ? "" : dimension.apiName();
    }

    /** The buckets of a histogram that hold anything (sparse: a rollup row fills a dozen or so of the 80). */
    static Array buckets(Connection connection, long[] histogram) throws SQLException {
        List<Short> buckets = new ArrayList<>();
        for (int i = 0; i < histogram.length; i++) {
            if (histogram[i] != 0) {
                buckets.add((short) i);
            }
        }
        return connection.createArrayOf("smallint", buckets.toArray());
    }

    /** The counts of those buckets, in the same order. */
    static Array counts(Connection connection, long[] histogram) throws SQLException {
        List<Long> counts = new ArrayList<>();
        for (long count : histogram) {
            if (count != 0) {
                counts.add(count);
            }
        }
        return connection.createArrayOf("bigint", counts.toArray());
    }
}
