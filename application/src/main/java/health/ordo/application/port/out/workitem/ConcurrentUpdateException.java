package health.ordo.application.port.out.workitem;

import health.ordo.domain.workitem.WorkItemId;

/** The stored item changed after it was loaded; the caller may reload and retry. */
public final class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(WorkItemId id) {
        super("work item " + id + " was changed concurrently");
    }
}
