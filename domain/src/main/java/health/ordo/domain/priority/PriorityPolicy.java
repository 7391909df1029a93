package health.ordo.domain.priority;

import health.ordo.domain.workitem.PriorityScore;
import health.ordo.domain.workitem.WorkItem;

import java.time.Instant;

/** Scores a work item as of a given instant; pure and deterministic for the same item and instant. */
public interface PriorityPolicy {

    PriorityScore score(WorkItem item, Instant now);
}
