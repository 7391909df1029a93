package health.ordo.domain.workitem;

import java.time.Instant;

/**
 * The item's SLA as last planned or escalated (kept for lists and filters; the exact clock is recomputed from the
 * history on demand).
 *
 * @param state      an SLA clock state name, or null when no SLA applies
 * @param deadlineAt the binding deadline, or null
 */
public record SlaSummary(String state, Instant deadlineAt) {
    public static final SlaSummary NONE = new SlaSummary(null, null);
}
