package health.ordo.application.port.in.workitem;

import health.ordo.domain.workitem.WorkItemStatus;
import health.ordo.domain.workitem.WorkItemType;

/** Optional criteria, all of which must hold; null means "any". */
public record WorkItemFilter(WorkItemStatus status, WorkItemType type, String queue, String assignee) {

    public static final WorkItemFilter ANY = new WorkItemFilter(null, null, null, null);
}
