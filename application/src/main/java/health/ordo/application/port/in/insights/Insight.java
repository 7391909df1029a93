package health.ordo.application.port.in.insights;

/** The insights Ordo answers; docs/insights.md defines each column. */
public enum Insight {
    /** Open items by age bucket, with the money at stake (as of now; the range does not apply). */
    BACKLOG,
    /** Arrivals and completions. */
    FLOW,
    /** Cycle, wait and touch time percentiles. */
    DURATIONS,
    /** SLA attainment and breaches of completed items. */
    SLA,
    /** First-pass resolution, rework, exceptions, overrides. */
    QUALITY,
    /** How often workers take the item Ordo proposes. */
    ACCEPTANCE,
    /** Money recovered, written off, and at risk. */
    MONEY,
    /** Write-backs to source systems: applied, retrying, given up, per target system. */
    AUTOMATION,
    /** Connector runs and the records they refused, per connector. */
    INTEGRATION,
    /** Priority overrides by reason. */
    OVERRIDES;

    /** Whether the insight has its own grouping (target system, connector, reason) and takes no groupBy, filter or period. */
    public boolean fixedGrouping() {
        return this == AUTOMATION || this == INTEGRATION || this == OVERRIDES;
    }
}
