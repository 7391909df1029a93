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

    /** The metrics of the rows summed, a row of a day outside the range taken out of its month's (sign -1). */
    private static final String SUMS = """
            sum(sign * arrivals), sum(sign * arrived_amount), sum(sign * completions), sum(sign * completed_amount),
            sum(sign * cancellations), sum(sign * with_deadline), sum(sign * met), sum(sign * first_pass), sum(sign * reopened),
            sum(sign * exceptions), sum(sign * overridden), sum(sign * claims), sum(sign * claims_as_proposed),
            sum(sign * written_off), sum(sign * recovered_amount), sum(sign * written_off_amount)""";

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
     * The rollup rows of a range as one relation {@code r} (day, sign, value, metrics): the whole calendar months inside
     * the range from {@code work_monthly} (dated the first of their month) when the read sums per month or over the whole
     * range, the other days from {@code work_daily}. A month the range covers in part is read as the days inside the
     * range or as the month's row less the days outside it (those rows with sign -1), whichever reads fewer rows: a year
     * ending today reads the current month as its one monthly row, the days after today having none. The rows are those
     * of {@code rows}: a dimension's rows, with or without a filter.
     */
    private record Source(String sql, List<Object> params) {

        /** The columns each branch reads: the value and every metric column. */
        private static final String ROW_COLUMNS = "value, " + String.join(", ", RollupRows.METRICS);

        /** The columns of the relation: the sign, the value and every metric column. */
        static String columns() {
            return "sign, " + ROW_COLUMNS;
        }

        /** Rows of one table over {@code [from, until)}, counted with {@code sign}. */
        private record Branch(boolean monthly, int sign, LocalDate from, LocalDate until) {
        }

        /**
         * @param daysWithRows how many days in {@code [from, until)} hold rows (the row over everything): the days after
         *                     today hold none
         */
        static Source of(TenantId tenant, Rows rows, LocalDate from, LocalDate to, InsightRequest.Period period,
                         java.util.function.BiFunction<LocalDate, LocalDate, Long> daysWithRows) {
            LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
            LocalDate afterWhole = to.plusDays(1).getDayOfMonth() == 1 ? to.plusDays(1) : to.withDayOfMonth(1);
            boolean months = (period == InsightRequest.Period.NONE || period == InsightRequest.Period.MONTH) && firstWhole.isBefore(afterWhole);
            List<Branch> branches = new ArrayList<>();
            if (!months) {
                branches.add(new Branch(false, 1, from, to.plusDays(1)));
            } else {
                branches.add(new Branch(true, 1, firstWhole, afterWhole));
                if (from.isBefore(firstWhole)) {
                    // the first month's days before the range, counted as calendar days (they lie before the range, so
                    // in the past whenever the range holds rows at all)
                    LocalDate monthStart = from.withDayOfMonth(1);
                    partial(branches, monthStart, from, firstWhole, days(monthStart, from) < days(from, firstWhole));
                }
                if (afterWhole.isBefore(to.plusDays(1))) {
                    LocalDate after = to.plusDays(1);
                    LocalDate monthEnd = afterWhole.plusMonths(1);
                    long inside = days(afterWhole, after);
                    partial(branches, afterWhole, afterWhole, after, days(after, monthEnd) < inside
                            || daysWithRows.apply(after, monthEnd) < inside);
                }
            }
            List<String> selects = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            // each branch its own index range (an OR of day ranges would read every day of the rows)
            for (Branch branch : branches) {
                String table = branch.monthly() ? "work_monthly" : "work_daily";
                String day = branch.monthly() ? "month" : "day";
                selects.add("select " + day + " as day, " + branch.sign() + " as sign, " + ROW_COLUMNS + " from " + table
                        + " where tenant_id = ? and " + rows.sql() + " and " + day + " >= ? and " + day + " < ?");
                params.add(tenant.value());
                params.addAll(rows.params());
                params.addAll(List.of(branch.from(), branch.until()));
            }
            return new Source("(" + String.join(" union all ", selects) + ") r", params);
        }

        /**
         * The range's days {@code [inFrom, inUntil)} of the month starting {@code monthStart}: those days' rows, or the
         * month's row less the rows of its other days.
         */
        private static void partial(List<Branch> branches, LocalDate monthStart, LocalDate inFrom, LocalDate inUntil, boolean byMonth) {
            if (!byMonth) {
                branches.add(new Branch(false, 1, inFrom, inUntil));
                return;
            }
            branches.add(new Branch(true, 1, monthStart, monthStart.plusDays(1)));
            if (monthStart.isBefore(inFrom)) {
                branches.add(new Branch(false, -1, monthStart, inFrom));
            }
            if (inUntil.isBefore(monthStart.plusMonths(1))) {
                branches.add(new Branch(false, -1, inUntil, monthStart.plusMonths(1)));
            }
        }

        private static long days(LocalDate from, LocalDate until) {
            return java.time.temporal.ChronoUnit.DAYS.between(from, until);
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
        Source source = Source.of(tenant, Rows.of(filter, dimension, value), from, to, period,
                (first, until) -> Sql.query(jdbc, "select count(*) from work_daily where tenant_id = ? and dimension = ''"
                        + " and filter_dimension = '' and filter_value = '' and day >= ? and day < ?", rs -> rs.getLong(1),
                        tenant.value(), first, until).get(0));
        List<Object> params = new ArrayList<>();
        if (period == InsightRequest.Period.NONE) {
            params.add(from);
        }
        params.addAll(source.params());
        if (withDurations) {
            // the rows read once with their sparse histograms and summed here (a year by worker is a few thousand rows):
            // summing the counts in SQL and reading the histograms in a second pass read every row twice
            Map<String, DailyRollup.Row> rows = new java.util.TreeMap<>();
            Sql.query(jdbc, "select " + start + " as period, " + Source.columns() + " from " + source.sql(), rs -> {
                LocalDate day = rs.getObject(1, LocalDate.class);
                String group = rs.getString("value");
                DayMetrics sum = rows.computeIfAbsent(day + "\u0000" + group,
                        k -> new DailyRollup.Row(day, filter, dimension, group, new DayMetrics())).metrics();
                if (rs.getInt("sign") > 0) {
                    sum.add(RollupRows.metrics(rs));
                } else {
                    sum.subtract(RollupRows.metrics(rs));
                }
                return 1;
            }, params.toArray());
            // a value whose only rows in a month lie outside the range sums to nothing there
            return rows.values().stream().filter(row -> !row.metrics().isZero()).toList();
        }
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
        return rows.values().stream().filter(row -> !row.metrics().isZero()).toList();
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
