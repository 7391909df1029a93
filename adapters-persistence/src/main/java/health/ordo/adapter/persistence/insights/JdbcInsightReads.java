package health.ordo.adapter.persistence.insights;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.in.insights.InsightRequest;
import health.ordo.application.port.out.insights.InsightReadPort;
import health.ordo.domain.insights.DailyRollup;
import health.ordo.domain.insights.DayMetrics;
import health.ordo.domain.insights.Dimension;
import health.ordo.domain.insights.WorkFact;
import health.ordo.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Insight reads. Rollup rows are summed per period and value in SQL; the duration histograms only when asked, their
 * non-empty buckets summed as the rows are read; a read filtered by one value of a paired dimension sums pair rows, those
 * of one value of another dimension too when asked (a second filter). The reads the rows cannot answer (the application
 * decides which) and the backlog go to the facts; every column and dimension name in the SQL comes from this code,
 * values are bound.
 */
@Singleton
class JdbcInsightReads implements InsightReadPort {

    /** Facts read from the cursor at a time by {@link #facts}. */
    private static final int FETCH_SIZE = 2_000;

    private static final String SUMS = """
            sum(arrivals), sum(arrived_amount), sum(completions), sum(completed_amount), sum(cancellations), sum(with_deadline),
            sum(met), sum(first_pass), sum(reopened), sum(exceptions), sum(overridden), sum(claims), sum(claims_as_proposed),
            sum(written_off), sum(recovered_amount), sum(written_off_amount)""";

    private final JdbcOperations jdbc;

    JdbcInsightReads(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    private static String periodStart(InsightRequest.Period period) {
        return switch (period) {
            case NONE -> "?::date";
            case DAY -> "day";
            case WEEK -> "date_trunc('week', day)::date";
            case MONTH -> "date_trunc('month', day)::date";
        };
    }

    /**
     * The rollup rows of a range as one relation {@code r} (day, value, metrics): the whole calendar months inside the
     * range from {@code work_monthly} (dated the first of their month) when the read sums per month or over the whole
     * range, the other days from {@code work_daily}. The rows are those of {@code rows}: a dimension's rows, with or
     * without a filter.
     */
    private record Source(String sql, List<Object> params) {

        static Source of(TenantId tenant, Rows rows, LocalDate from, LocalDate to, InsightRequest.Period period) {
            String columns = "value, " + String.join(", ", RollupRows.METRICS);
            LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
            LocalDate afterWhole = to.plusDays(1).getDayOfMonth() == 1 ? to.plusDays(1) : to.withDayOfMonth(1);
            boolean months = (period == InsightRequest.Period.NONE || period == InsightRequest.Period.MONTH) && firstWhole.isBefore(afterWhole);
            List<Object> params = new ArrayList<>();
            if (!months) {
                params.add(tenant.value());
                params.addAll(rows.params());
                params.addAll(List.of(from, to));
                return new Source("(select day, " + columns + " from work_daily where tenant_id = ? and " + rows.sql() + " and day between ? and ?) r",
                        params);
            }
            // three ranges, each its own index range (an OR of the two day ranges would read every day of the rows)
            for (LocalDate[] range : new LocalDate[][]{{from, firstWhole}, {afterWhole, to.plusDays(1)}, {firstWhole, afterWhole}}) {
                params.add(tenant.value());
                params.addAll(rows.params());
                params.addAll(List.of(range[0], range[1]));
            }
            return new Source("(select day, " + columns + " from work_daily where tenant_id = ? and " + rows.sql() + " and day >= ? and day < ?"
                    + " union all select day, " + columns + " from work_daily where tenant_id = ? and " + rows.sql() + " and day >= ? and day < ?"
                    + " union all select month, " + columns + " from work_monthly where tenant_id = ? and " + rows.sql()
                    + " and month >= ? and month < ?) r", params);
        }
    }

    /**
     * Which rows: the dimension's (or, with null, those over everything); with a filter, the pair rows of its value and
     * the dimension; with a value, that value's rows only.
     */
    private record Rows(String sql, List<Object> params) {

        static Rows of(DailyRollup.Filter filter, Dimension dimension, String value) {
            List<Object> params = new ArrayList<>(List.of(name(dimension)));
            StringBuilder sql = new StringBuilder("dimension = ? and filter_dimension = ");
            if (filter == null) {
                sql.append("'' and filter_value = ''");
            } else {
                sql.append("? and filter_value = ?");
                params.addAll(List.of(filter.dimension().apiName(), filter.value()));
            }
            if (value != null) {
                sql.append(" and value = ?");
                params.add(value);
            }
            return new Rows(sql.toString(), params);
        }

        private static String name(Dimension dimension) {
            return dimension == null ? "" : dimension.apiName();
        }
    }

    @Override
    public List<DailyRollup.Row> rollup(TenantId tenant, LocalDate from, LocalDate to, DailyRollup.Filter filter, Dimension dimension,
                                        String value, InsightRequest.Period period, boolean withDurations) {
        String start = periodStart(period);
        Source source = Source.of(tenant, Rows.of(filter, dimension, value), from, to, period);
        List<Object> params = new ArrayList<>();
        if (period == InsightRequest.Period.NONE) {
            params.add(from);
        }
        params.addAll(source.params());
        Map<String, DailyRollup.Row> rows = new LinkedHashMap<>();
        Sql.query(jdbc, "select " + start + " as period, value, " + SUMS + " from " + source.sql() + " group by 1, 2 order by 1, 2", rs -> {
            DayMetrics m = new DayMetrics();
            m.arrivals = rs.getLong(3);
            m.arrivedAmount = rs.getBigDecimal(4);
            m.completions = rs.getLong(5);
            m.completedAmount = rs.getBigDecimal(6);
            m.cancellations = rs.getLong(7);
            m.withDeadline = rs.getLong(8);
            m.met = rs.getLong(9);
            m.firstPass = rs.getLong(10);
            m.reopened = rs.getLong(11);
            m.exceptions = rs.getLong(12);
            m.overridden = rs.getLong(13);
            m.claims = rs.getLong(14);
            m.claimsAsProposed = rs.getLong(15);
            m.writtenOff = rs.getLong(16);
            m.recoveredAmount = rs.getBigDecimal(17);
            m.writtenOffAmount = rs.getBigDecimal(18);
            LocalDate day = rs.getObject(1, LocalDate.class);
            rows.put(day + "\u0000" + rs.getString(2), new DailyRollup.Row(day, filter, dimension, rs.getString(2), m));
            return 1;
        }, params.toArray());
        if (withDurations && !rows.isEmpty()) {
            // the sparse histograms of the rows read, summed here: a year by worker is a few thousand rows
            Sql.query(jdbc, "select " + start + " as period, value, cycle_buckets, cycle_counts, wait_buckets, wait_counts,"
                    + " touch_buckets, touch_counts from " + source.sql(), rs -> {
                DailyRollup.Row row = rows.get(rs.getObject(1, LocalDate.class) + "\u0000" + rs.getString(2));
                if (row != null) {
                    RollupRows.addHistogram(rs, "cycle", row.metrics().cycle);
                    RollupRows.addHistogram(rs, "wait", row.metrics().waiting);
                    RollupRows.addHistogram(rs, "touch", row.metrics().touch);
                }
                return 1;
            }, params.toArray());
        }
        return List.copyOf(rows.values());
    }

    @Override
    public boolean rolledUp(TenantId tenant, LocalDate from, LocalDate to) {
        return Sql.query(jdbc, "select not exists (select 1 from insight_dirty_day where tenant_id = ? and day between ? and ?)",
                rs -> rs.getBoolean(1), tenant.value(), from, to).get(0);
    }

    @Override
    public void facts(TenantId tenant, LocalDate from, LocalDate to, ZoneId zone, Map<Dimension, String> where, Consumer<WorkFact> each) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        StringBuilder filter = new StringBuilder();
        List<Object> filterParams = new ArrayList<>();
        where.forEach((dimension, value) -> {
            if (Dimension.NONE.equals(value)) {
                filter.append(" and ").append(FactColumns.column(dimension)).append(" is null");
            } else {
                filter.append(" and ").append(FactColumns.column(dimension)).append(" = ?");
                filterParams.add(value);
            }
        });
        Sql.forEach(jdbc, FactColumns.touching(filter.toString()), FETCH_SIZE, FactColumns::read, each,
                FactColumns.touchingParams(tenant.value(), start, end, filterParams));
    }

    @Override
    public List<AutomationGroup> automation(TenantId tenant, LocalDate from, LocalDate to, ZoneId zone) {
        return Sql.query(jdbc, """
                select source_system, count(*), count(*) filter (where status = 'APPLIED'), count(*) filter (where status = 'PENDING'),
                       count(*) filter (where status = 'FAILED'), count(*) filter (where status = 'APPLIED' and attempts <= 1),
                       percentile_cont(0.5) within group (order by extract(epoch from applied_at - created_at))
                           filter (where status = 'APPLIED')
                from write_back where tenant_id = ? and created_at >= ? and created_at < ? group by 1 order by 1""",
                rs -> new AutomationGroup(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        (Double) rs.getObject(7)), tenant.value(), from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    @Override
    public List<IntegrationGroup> integration(TenantId tenant, LocalDate from, LocalDate to, ZoneId zone) {
        return Sql.query(jdbc, """
                select connector, count(*), count(*) filter (where status = 'FAILED'), coalesce(sum(fetched), 0), coalesce(sum(created), 0),
                       coalesce(sum(updated), 0), coalesce(sum(closed), 0), coalesce(sum(failed), 0),
                       max(started_at) filter (where status = 'FAILED') as last_failure
                from connector_run where tenant_id = ? and started_at >= ? and started_at < ? group by 1 order by 1""",
                rs -> new IntegrationGroup(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8), FactColumns.instant(rs, "last_failure")),
                tenant.value(), from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    @Override
    public List<OverrideGroup> overrides(TenantId tenant, LocalDate from, LocalDate to, ZoneId zone) {
        // the history note of an override (asked for approval, applied, approved) reads "PIN_TOP (EXECUTIVE_REQUEST) until …": its kind, then its reason code
        return Sql.query(jdbc, """
                select coalesce(substring(note from '\\(([^)]*)\\)'), 'unknown') as reason, coalesce(split_part(note, ' ', 1), 'unknown') as kind,
                       count(*) filter (where action = 'override-requested'),
                       count(*) filter (where action in ('override-applied', 'override-approved')), count(distinct work_item_id)
                from work_item_history where tenant_id = ? and action in ('override-requested', 'override-applied', 'override-approved')
                    and at >= ? and at < ? group by 1, 2 order by 4 desc, 3 desc, 1""",
                rs -> new OverrideGroup(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                tenant.value(), from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    @Override
    public List<BacklogGroup> backlog(TenantId tenant, Dimension groupBy, Map<Dimension, String> where, Instant now, int[] bucketUpperDays) {
        String group = groupBy == null ? "''" : "coalesce(" + FactColumns.column(groupBy) + ", '" + Dimension.NONE + "')";
        StringBuilder sql = new StringBuilder("select ").append(group).append(" as g");
        List<Object> params = new ArrayList<>();
        Instant previous = null;
        for (int upper : bucketUpperDays) {
            Instant bound = now.minus(Duration.ofDays(upper + 1L));
            sql.append(", count(*) filter (where received_at > ?").append(previous == null ? "" : " and received_at <= ?").append(')');
            params.add(bound);
            if (previous != null) {
                params.add(previous);
            }
            previous = bound;
        }
        sql.append(", count(*) filter (where received_at <= ?)");
        params.add(previous);
        sql.append(", coalesce(sum(amount), 0), count(*) filter (where deadline_at < ?), coalesce(sum(amount) filter (where deadline_at < ?), 0),")
                .append(" min(received_at) from work_fact where tenant_id = ? and closed_at is null");
        params.addAll(List.of(now, now, tenant.value()));
        where.forEach((dimension, value) -> {
            if (Dimension.NONE.equals(value)) {
                sql.append(" and ").append(FactColumns.column(dimension)).append(" is null");
            } else {
                sql.append(" and ").append(FactColumns.column(dimension)).append(" = ?");
                params.add(value);
            }
        });
        sql.append(" group by 1 order by 1");
        int buckets = bucketUpperDays.length + 1;
        return Sql.query(jdbc, sql.toString(), rs -> {
            long[] byAge = new long[buckets];
            for (int i = 0; i < buckets; i++) {
                byAge[i] = rs.getLong(2 + i);
            }
            BigDecimal amount = rs.getBigDecimal(2 + buckets);
            return new BacklogGroup(rs.getString(1), byAge, amount, rs.getLong(3 + buckets), rs.getBigDecimal(4 + buckets),
                    FactColumns.instant(rs, "min"));
        }, params.toArray());
    }
}
