package health.ordo.domain.workitem;

import java.time.Instant;

/**
 * One line of a work item's history: what happened, when, by whom, between which states, and why.
 *
 * @param fromStatus null for the creation entry
 * @param note       reason, resolution code or other detail; null when there is none
 */
public record HistoryEntry(Instant at, String action, WorkItemStatus fromStatus, WorkItemStatus toStatus,
                           Actor actor, String note) {
}
