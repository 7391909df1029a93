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

/**
 * Insight reads. Rollup rows are summed per period and value in SQL; the duration histograms only when asked, by
 * unnesting their non-empty buckets. Filtered reads and the backlog go to the facts; every column and dimension name
 * in the SQL comes from this code, values are bound.
 */
@Singleton
class JdbcInsightReads implements InsightReadPort {

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

    @Override
    public List<DailyRollup.Row> rollup(TenantId tenant, LocalDate from, LocalDate to, Dimension dimension,
                                        InsightRequest.Period period, boolean withDurations) {
        String dimensionName = dimension == null ? "" : dimension.apiName();
        String start = periodStart(period);
        List<Object> params = new ArrayList<>();
        if (period == InsightRequest.Period.NONE) {
            params.add(from);
        }
        params.addAll(List.of(tenant.value(), dimensionName, from, to));
        Map<String, DailyRollup.Row> rows = new LinkedHashMap<>();
        Sql.query(jdbc, "select " + start + " as period, value, " + SUMS + " from work_daily"
                + " where tenant_id = ? and dimension = ? and day between ? and ? group by 1, 2 order by 1, 2", rs -> {
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
            rows.put(day + "\u0000" + rs.getString(2), new DailyRollup.Row(day, dimension, rs.getString(2), m));
            return 1;
        }, params.toArray());
        if (withDurations && !rows.isEmpty()) {
            Sql.query(jdbc, "select " + start + " as period, value, u.i, sum(u.c), sum(u.w), sum(u.t) from work_daily"
                    + " cross join lateral unnest(cycle_histogram, wait_histogram, touch_histogram) with ordinality as u(c, w, t, i)"
                    + " where tenant_id = ? and dimension = ? and day between ? and ? and u.c + u.w + u.t > 0 group by 1, 2, 3", rs -> {
                DailyRollup.Row row = rows.get(rs.getObject(1, LocalDate.class) + "\u0000" + rs.getString(2));
                if (row != null) {
                    int bucket = rs.getInt(3) - 1;
                    row.metrics().cycle[bucket] = rs.getLong(4);
                    row.metrics().waiting[bucket] = rs.getLong(5);
                    row.metrics().touch[bucket] = rs.getLong(6);
                }
                return 1;
            }, params.toArray());
        }
        return List.copyOf(rows.values());
    }

    @Override
    public List<WorkFact> facts(TenantId tenant, LocalDate from, LocalDate to, ZoneId zone, Map<Dimension, String> where) {
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
        List<Object> params = new ArrayList<>(List.of(tenant.value(), start, end));
        params.addAll(filterParams);
        params.addAll(List.of(tenant.value(), start, end, start, end));
        params.addAll(filterParams);
        return Sql.query(jdbc, "select " + FactColumns.SELECT + " from work_fact where tenant_id = ? and received_at >= ? and received_at < ?"
                + filter + " union all select " + FactColumns.SELECT + " from work_fact where tenant_id = ? and closed_at >= ? and closed_at < ?"
                + " and not (received_at >= ? and received_at < ?)" + filter, FactColumns::read, params.toArray());
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
