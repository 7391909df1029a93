package health.ordo.application.port.in.workitem;

import health.ordo.application.port.in.NotFoundException;
import health.ordo.domain.workitem.WorkItemId;

/** The tenant has no work item with this id (it may exist for another tenant; that is never told). */
public final class WorkItemNotFoundException extends NotFoundException {

    public WorkItemNotFoundException(WorkItemId id) {
        super("no work item " + id);
    }
}
