package health.ordo.application.service.insights;

import health.ordo.application.port.in.insights.Insight;
import health.ordo.application.port.in.insights.InsightRequest;
import health.ordo.application.port.in.insights.InsightTable;
import health.ordo.application.port.in.insights.InsightsQuery;
import health.ordo.application.port.out.insights.InsightReadPort;
import health.ordo.application.port.out.routing.WorkforcePort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.insights.DailyRollup;
import health.ordo.domain.insights.DayMetrics;
import health.ordo.domain.insights.Dimension;
import health.ordo.domain.insights.DurationHistogram;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.routing.Worker;
import health.ordo.domain.shared.InvalidValueException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers insights from the rollups: grouped by one dimension with no filter; filtered by one value of a paired
 * dimension ({@link DailyRollup#PAIRED}: every one but the worker) from the pair rows; filtered by two values and grouped
 * by one of them, or not grouped, from the pair rows of one and the other's value ({@link RowsAnswering}). Any other read
 * (grouped by a third dimension, a third filter, a worker with "none"), and a filtered read whose range holds a day marked
 * for a rebuild, reads the facts of the range and rolls them up the same way. The metrics' definitions are the
 * domain's ({@link DayMetrics}); this class only picks the rows and lays out the table.
 */
public class InsightsQueryService implements InsightsQuery {

    /** Upper bounds of the backlog's age buckets in days: 0–2, 3–7, 8–30, 31–90, over 90. */
    static final int[] AGE_BUCKETS = {2, 7, 30, 90};

    private final InsightReadPort reads;
    private final WorkforcePort workforce;
    private final TransactionPort transactions;
    private final Clock clock;
    private final InsightZones zones;

    public InsightsQueryService(InsightReadPort reads, WorkforcePort workforce, TransactionPort transactions, Clock clock, InsightZones zones) {
        this.reads = reads;
        this.workforce = workforce;
        this.transactions = transactions;
        this.clock = clock;
        this.zones = zones;
    }

    @Override
    public InsightTable insight(Viewer viewer, Insight insight, InsightRequest request) {
        return transactions.readOnly(viewer.tenant(), () -> {
            if (insight.fixedGrouping()) {
                return operations(viewer, insight, request);
            }
            InsightRequest scoped = scope(viewer, request);
            return switch (insight) {
                case BACKLOG -> backlog(viewer, scoped);
                case MONEY -> money(viewer, scoped);
                default -> fromMetrics(insight, metrics(viewer, scoped, insight == Insight.DURATIONS), scoped);
            };
        });
    }

    @Override
    public LocalDate today(TenantId tenant) {
        return transactions.readOnly(tenant, () -> clock.instant().atZone(zones.of(tenant)).toLocalDate());
    }

    /** A supervisor who works in a team sees that team only; the filter replaces any team the request names. */
    private InsightRequest scope(Viewer viewer, InsightRequest request) {
        if (viewer.tenantWide()) {
            return request;
        }
        String team = workforce.worker(viewer.tenant(), viewer.login()).map(Worker::team).orElse(null);
        if (team == null) {
            return request;
        }
        Map<Dimension, String> where = new EnumMap<>(Dimension.class);
        where.putAll(request.where());
        where.put(Dimension.TEAM, team);
        return new InsightRequest(request.from(), request.to(), request.groupBy(), where, request.period());
    }

    /** Metrics per period (its label) and group. */
    private Map<String, Map<String, DayMetrics>> metrics(Viewer viewer, InsightRequest request, boolean durations) {
        Map<String, Map<String, DayMetrics>> byPeriod = new TreeMap<>();
        List<DailyRollup.Row> rows;
        RowsAnswering answer = RowsAnswering.of(request.where(), request.groupBy());
        Dimension read = answer == null ? request.groupBy() : answer.dimension();
        // a day marked for a rebuild may lack the pair rows a migration added (V43's type, V44's), or every row (a zone move):
        // a filtered read of such a range reads the facts
        if (answer != null && (request.where().isEmpty() || reads.rolledUp(viewer.tenant(), request.from(), request.to()))) {
            rows = reads.rollup(viewer.tenant(), request.from(), request.to(), answer.filter(), answer.dimension(), answer.value(),
                    request.period(), durations);
        } else {
            ZoneId zone = zones.of(viewer.tenant());
            DailyRollup.OneDimension grouped = new DailyRollup.OneDimension(request.from(), request.to(), zone, request.groupBy());
            reads.facts(viewer.tenant(), request.from(), request.to(), zone, request.where(), grouped);
            rows = grouped.rows();
            read = request.groupBy();
        }
        for (DailyRollup.Row row : rows) {
            if (row.dimension() != read) {
                continue;
            }
            String group = request.groupBy() == null ? "all" : answer != null && answer.group() != null ? answer.group() : row.value();
            byPeriod.computeIfAbsent(period(row.day(), request.period()), p -> new TreeMap<>())
                    .computeIfAbsent(group, g -> new DayMetrics()).add(row.metrics());
        }
        return byPeriod;
    }

    /**
     * The rollup rows that answer a request, if any do: those of a dimension (with {@code filter}, its pair rows), with
     * {@code value}, that value's only; {@code group}, when set, is the one group they make (the grouping is the pair
     * filter's own dimension). A filter that is also the grouping, or a filter with no grouping, is a value of a
     * dimension's own rows; with two filters, the second is the value of the pair rows of the first, whatever the
     * grouping is but a third dimension. Null: the facts answer (a third filter, a grouping by a third dimension, two
     * filters neither of which has pair rows: a worker and "none").
     */
    private record RowsAnswering(DailyRollup.Filter filter, Dimension dimension, String value, String group) {

        static RowsAnswering of(Map<Dimension, String> where, Dimension groupBy) {
            if (where.isEmpty()) {
                return new RowsAnswering(null, groupBy, null, null);
            }
            // in the dimensions' order: the same request reads the same rows every time
            List<Map.Entry<Dimension, String>> filters = List.copyOf(new EnumMap<>(where).entrySet());
            if (filters.size() == 1) {
                Map.Entry<Dimension, String> only = filters.get(0);
                if (groupBy == null || groupBy == only.getKey()) {
                    return new RowsAnswering(null, only.getKey(), only.getValue(), null);
                }
                return pairable(only) ? new RowsAnswering(new DailyRollup.Filter(only.getKey(), only.getValue()), groupBy, null, null) : null;
            }
            if (filters.size() == 2) {
                for (int i = 0; i < 2; i++) {
                    Map.Entry<Dimension, String> filter = filters.get(i);
                    Map.Entry<Dimension, String> other = filters.get(1 - i);
                    boolean grouped = groupBy == null || groupBy == other.getKey() || groupBy == filter.getKey();
                    if (grouped && pairable(filter)) {
                        return new RowsAnswering(new DailyRollup.Filter(filter.getKey(), filter.getValue()), other.getKey(), other.getValue(),
                                groupBy == filter.getKey() ? filter.getValue() : null);
                    }
                }
            }
            return null;
        }

        /** Whether pair rows are kept for the filter's value: a paired dimension's, not "none". */
        private static boolean pairable(Map.Entry<Dimension, String> filter) {
            return DailyRollup.PAIRED.contains(filter.getKey()) && !Dimension.NONE.equals(filter.getValue());
        }
    }

    private static String period(LocalDate day, InsightRequest.Period period) {
        return switch (period) {
            case NONE -> "";
            case DAY -> day.toString();
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
            case MONTH -> day.toString().substring(0, 7);
        };
    }

    private static InsightTable fromMetrics(Insight insight, Map<String, Map<String, DayMetrics>> metrics, InsightRequest request) {
        List<String> columns = new ArrayList<>();
        boolean periods = request.period() != InsightRequest.Period.NONE;
        if (periods) {
            columns.add("period");
        }
        columns.add("group");
        columns.addAll(switch (insight) {
            case FLOW -> List.of("arrivals", "completions", "cancellations", "net_change", "arrived_amount", "completed_amount");
            case DURATIONS -> List.of("completions", "cycle_p50_hours", "cycle_p90_hours", "cycle_p95_hours", "wait_p50_hours",
                    "wait_p90_hours", "wait_p95_hours", "touch_p50_hours", "touch_p90_hours", "touch_p95_hours");
            case SLA -> List.of("completed_with_deadline", "met", "breached", "attainment_percent");
            case QUALITY -> List.of("completions", "first_pass_percent", "rework_percent", "exception_percent", "override_percent");
            case ACCEPTANCE -> List.of("claims", "claims_as_proposed", "acceptance_percent");
            default -> throw new IllegalArgumentException(insight.name());
        });
        InsightTable.Builder table = InsightTable.of(insight.name().toLowerCase(java.util.Locale.ROOT), columns.toArray(String[]::new));
        metrics.forEach((period, groups) -> groups.forEach((group, m) -> {
            List<Object> values = new ArrayList<>();
            if (periods) {
                values.add(period);
            }
            values.add(group);
            values.addAll(switch (insight) {
                case FLOW -> List.of(m.arrivals, m.completions, m.cancellations, m.arrivals - m.completions - m.cancellations,
                        money(m.arrivedAmount), money(m.completedAmount));
                case DURATIONS -> durations(m);
                case SLA -> listOf(m.withDeadline, m.met, m.breached(), DayMetrics.percent(m.met, m.withDeadline));
                case QUALITY -> listOf(m.completions, DayMetrics.percent(m.firstPass, m.completions),
                        DayMetrics.percent(m.reopened, m.completions), DayMetrics.percent(m.exceptions, m.completions),
                        DayMetrics.percent(m.overridden, m.completions));
                case ACCEPTANCE -> listOf(m.claims, m.claimsAsProposed, DayMetrics.percent(m.claimsAsProposed, m.claims));
                default -> List.of();
            });
            table.row(values.toArray());
        }));
        return table.build();
    }

    private static List<Object> durations(DayMetrics m) {
        List<Object> values = new ArrayList<>();
        values.add(m.completions);
        for (long[] histogram : List.of(m.cycle, m.waiting, m.touch)) {
            for (double p : new double[]{0.5, 0.9, 0.95}) {
                values.add(hours(DurationHistogram.percentile(histogram, p)));
            }
        }
        return values;
    }

    private static List<Object> listOf(Object... values) {
        return java.util.Arrays.asList(values);
    }

    private InsightTable backlog(Viewer viewer, InsightRequest request) {
        Instant now = clock.instant();
        InsightTable.Builder table = InsightTable.of("backlog", "group", "open", "days_0_2", "days_3_7", "days_8_30", "days_31_90",
                "days_over_90", "oldest_days", "money_at_stake", "past_deadline", "money_past_deadline");
        for (InsightReadPort.BacklogGroup group : reads.backlog(viewer.tenant(), request.groupBy(), request.where(), now, AGE_BUCKETS)) {
            long open = java.util.Arrays.stream(group.byAge()).sum();
            Long oldest = group.oldestReceived() == null ? null : Duration.between(group.oldestReceived(), now).toDays();
            table.row(request.groupBy() == null ? "all" : group.group(), open, group.byAge()[0], group.byAge()[1], group.byAge()[2],
                    group.byAge()[3], group.byAge()[4], oldest, money(group.amount()), group.pastDeadline(), money(group.amountPastDeadline()));
        }
        return table.build();
    }

    /** Automation, integration and overrides: tenant-wide operational counts with their own grouping, no PHI. */
    private InsightTable operations(Viewer viewer, Insight insight, InsightRequest request) {
        InvalidValueException.require(request.groupBy() == null, "groupBy", insight.name().toLowerCase(java.util.Locale.ROOT)
                + " is grouped by " + (insight == Insight.AUTOMATION ? "target system" : insight == Insight.INTEGRATION ? "connector" : "reason"));
        InvalidValueException.require(request.where().isEmpty(), request.where().isEmpty() ? "where"
                : request.where().keySet().iterator().next().apiName(), "this insight takes no dimension filter");
        InvalidValueException.require(request.period() == InsightRequest.Period.NONE, "period", "this insight sums the whole range");
        ZoneId zone = zones.of(viewer.tenant());
        return switch (insight) {
            case AUTOMATION -> {
                InsightTable.Builder table = InsightTable.of("automation", "target", "created", "applied", "retrying", "failed",
                        "applied_first_try", "success_percent", "median_hours_to_apply");
                for (InsightReadPort.AutomationGroup g : reads.automation(viewer.tenant(), request.from(), request.to(), zone)) {
                    table.row(g.target(), g.created(), g.applied(), g.retrying(), g.failed(), g.appliedFirstTry(),
                            DayMetrics.percent(g.applied(), g.applied() + g.failed()),
                            g.medianSeconds() == null ? null : Math.round(g.medianSeconds() / 360.0) / 10.0);
                }
                yield table.build();
            }
            case INTEGRATION -> {
                InsightTable.Builder table = InsightTable.of("integration", "connector", "runs", "failed_runs", "failure_percent",
                        "fetched", "created", "updated", "closed", "refused", "last_failure");
                for (InsightReadPort.IntegrationGroup g : reads.integration(viewer.tenant(), request.from(), request.to(), zone)) {
                    table.row(g.connector(), g.runs(), g.failedRuns(), DayMetrics.percent(g.failedRuns(), g.runs()), g.fetched(),
                            g.created(), g.updated(), g.closed(), g.refused(), g.lastFailure() == null ? null : g.lastFailure().toString());
                }
                yield table.build();
            }
            default -> {
                InsightTable.Builder table = InsightTable.of("overrides", "reason", "kind", "requested", "applied", "items");
                for (InsightReadPort.OverrideGroup g : reads.overrides(viewer.tenant(), request.from(), request.to(), zone)) {
                    table.row(g.reason(), g.kind(), g.requested(), g.applied(), g.items());
                }
                yield table.build();
            }
        };
    }

    private InsightTable money(Viewer viewer, InsightRequest request) {
        Map<String, DayMetrics> closed = new TreeMap<>();
        metrics(viewer, new InsightRequest(request.from(), request.to(), request.groupBy(), request.where(), InsightRequest.Period.NONE), false)
                .values().forEach(groups -> groups.forEach((group, m) -> closed.computeIfAbsent(group, g -> new DayMetrics()).add(m)));
        Map<String, InsightReadPort.BacklogGroup> open = new TreeMap<>();
        for (InsightReadPort.BacklogGroup group : reads.backlog(viewer.tenant(), request.groupBy(), request.where(), clock.instant(), AGE_BUCKETS)) {
            open.put(request.groupBy() == null ? "all" : group.group(), group);
        }
        InsightTable.Builder table = InsightTable.of("money", "group", "recovered_amount", "written_off_amount", "written_off_items",
                "open_money_at_stake", "open_money_past_deadline");
        java.util.TreeSet<String> groups = new java.util.TreeSet<>(closed.keySet());
        groups.addAll(open.keySet());
        for (String group : groups) {
            DayMetrics m = closed.getOrDefault(group, new DayMetrics());
            InsightReadPort.BacklogGroup backlog = open.get(group);
            table.row(group, money(m.recoveredAmount), money(m.writtenOffAmount), m.writtenOff,
                    money(backlog == null ? BigDecimal.ZERO : backlog.amount()),
                    money(backlog == null ? BigDecimal.ZERO : backlog.amountPastDeadline()));
        }
        return table.build();
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static Double hours(Duration duration) {
        return duration == null ? null : Math.round(duration.toMinutes() / 6.0) / 10.0;
    }
}
