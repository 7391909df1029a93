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
    MONEY
}
