package health.ordo.domain.insights;

import health.ordo.domain.shared.TenantId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * An unusual day found by the watch: which metric of which group (a queue, a payer, a connector), how far it strayed from
 * its seasonal expectation. One per metric, group and day.
 */
public record Anomaly(UUID id, TenantId tenant, Metric metric, String dimension, String group, LocalDate day, double actual,
                      double expected, double score, Instant detectedAt, String workItemId) {

    /** What the watch looks at. */
    public enum Metric {
        /** Items arriving per day (per queue and per payer), against the same weekday of the last eight weeks. */
        ARRIVALS,
        /** Share of items completed that met their deadline (per queue), against the last 28 days; drops only. */
        SLA_ATTAINMENT,
        /** Open items older than the aging limit (per queue), against the tenant's maximum. */
        AGING,
        /** Failed connector runs and records refused per day (per connector), against the last 28 days; rises only. */
        INTEGRATION_FAILURES
    }

    /** e.g. "ARRIVALS of queue denials on 2026-12-03: 90 against 40.5 expected (score 7.78)". */
    public String describe() {
        return metric + " of " + dimension + " " + group + " on " + day + ": " + format(actual) + " against " + format(expected)
                + " expected (score " + score + ")";
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
