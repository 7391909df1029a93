package health.ordo.application.port.out.insights;

import health.ordo.application.port.in.insights.InsightRequest;
import health.ordo.domain.insights.DailyRollup;
import health.ordo.domain.insights.Dimension;
import health.ordo.domain.insights.WorkFact;
import health.ordo.domain.shared.TenantId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reads for insights: rollup rows, facts when a filter applies, and the open backlog by age. */
public interface InsightReadPort {

    /**
     * Rollup rows of the days, for one dimension's values (or, with null, the rows over everything), summed per period:
     * each row's day is its period's first day (the day itself for NONE and DAY, the Monday for WEEK, the 1st for MONTH;
     * NONE sums the whole range under {@code from}). Duration histograms are filled only when asked for.
     */
    default List<DailyRollup.Row> rollup(TenantId tenant, LocalDate from, LocalDate to, Dimension dimension, InsightRequest.Period period,
                                         boolean withDurations) {
        return rollup(tenant, from, to, null, dimension, period, withDurations);
    }

    /**
     * The same, counting only the facts with the filter's value (null: every fact), from the pair rows of the filter and
     * another dimension (a filter's own value, with or without its dimension as the grouping, is that dimension's own row:
     * no filter, the value given).
     */
    default List<DailyRollup.Row> rollup(TenantId tenant, LocalDate from, LocalDate to, DailyRollup.Filter filter, Dimension dimension,
                                         InsightRequest.Period period, boolean withDurations) {
        return rollup(tenant, from, to, filter, dimension, null, period, withDurations);
    }

    /**
     * The same, for one value of the dimension only ({@code value}; null: each value): one filter read from a
     * dimension's own rows, or two filters where one is the pair rows' filter and the other the dimension's value.
     */
    List<DailyRollup.Row> rollup(TenantId tenant, LocalDate from, LocalDate to, DailyRollup.Filter filter, Dimension dimension,
                                 String value, InsightRequest.Period period, boolean withDurations);

    /**
     * Whether every day of the range is rolled up: none is marked for a rebuild (after a migration added rows, a bulk load,
     * a tenant's time zone moved), so its rows, pair rows included, answer for the facts.
     */
    boolean rolledUp(TenantId tenant, LocalDate from, LocalDate to);

    /**
     * Hands {@code each} the facts that arrived or closed within the days (in the zone) and match every filter, as they
     * are read (a wide filter can match a hundred thousand facts: they are never held at once).
     */
    void facts(TenantId tenant, LocalDate from, LocalDate to, ZoneId zone, Map<Dimension, String> where, Consumer<WorkFact> each);

    /**
     * Open items (Ordo's and imported ones) grouped by a dimension's value (null: one group), counted in age buckets
     * by their arrival: upper bounds in days, the last bucket open-ended.
     */
    List<BacklogGroup> backlog(TenantId tenant, Dimension groupBy, Map<Dimension, String> where, Instant now, int[] bucketUpperDays);

    /** Write-backs created in the days (in the zone), per target system. */
    List<AutomationGroup> automation(TenantId tenant, LocalDate from, LocalDate to, ZoneId zone);

    /**
     * @param applied          confirmed by the target
     * @param retrying         still pending (waiting out a backoff or not yet sent)
     * @param failed           given up (dead letters, retried by hand)
     * @param appliedFirstTry  applied on the first attempt
     * @param medianSeconds    median time from creation to confirmation of those applied; null when none
     */
    record AutomationGroup(String target, long created, long applied, long retrying, long failed, long appliedFirstTry,
                           Double medianSeconds) {
    }

    /** Connector runs started in the days (in the zone), per connector. */
    List<IntegrationGroup> integration(TenantId tenant, LocalDate from, LocalDate to, ZoneId zone);

    /** @param refused records a run could not turn into work (see the connector's rejections) */
    record IntegrationGroup(String connector, long runs, long failedRuns, long fetched, long created, long updated, long closed,
                            long refused, Instant lastFailure) {
    }

    /** Priority overrides asked for, applied or approved in the days (in the zone), per reason code and kind. */
    List<OverrideGroup> overrides(TenantId tenant, LocalDate from, LocalDate to, ZoneId zone);

    /** @param requested asked for and held for approval; @param applied in force (applied at once, or approved) */
    record OverrideGroup(String reason, String kind, long requested, long applied, long items) {
    }

    /**
     * @param byAge       open items per age bucket
     * @param pastDeadline open items whose deadline has passed
     */
    record BacklogGroup(String group, long[] byAge, BigDecimal amount, long pastDeadline, BigDecimal amountPastDeadline,
                        Instant oldestReceived) {
    }
}
