package health.ordo.application.port.in.workitem;

import health.ordo.domain.workitem.WorkItem;

/** What became of one delivered work item. */
public sealed interface IngestOutcome {

    /** Stored as a new work item. */
    record Created(WorkItem item) implements IngestOutcome {
    }

    /** Already known with the same content: nothing created. */
    record Duplicate(WorkItem item) implements IngestOutcome {
    }

    /** Already known with different content: nothing changed. */
    record Conflict(WorkItem existing) implements IngestOutcome {
    }

    /** Refused: {@code field} names what was wrong. */
    record Rejected(String field, String reason) implements IngestOutcome {
    }
}
