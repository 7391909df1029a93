package health.ordo.application.port.in.workitem;

import health.ordo.domain.workitem.WorkItemStatus;
import health.ordo.domain.workitem.WorkItemType;

/**
 * Optional criteria, all of which must hold; null means "any".
 *
 * @param slaState an SLA clock state such as {@code AT_RISK} or {@code BREACHED} (open items only)
 */
public record WorkItemFilter(WorkItemStatus status, WorkItemType type, String queue, String assignee, String slaState) {

    public static final WorkItemFilter ANY = new WorkItemFilter(null, null, null, null, null);

    public WorkItemFilter(WorkItemStatus status, WorkItemType type, String queue, String assignee) {
        this(status, type, queue, assignee, null);
    }
}
