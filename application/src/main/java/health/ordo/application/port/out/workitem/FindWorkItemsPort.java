package health.ordo.application.port.out.workitem;

import health.ordo.application.port.in.workitem.PageCursor;
import health.ordo.application.port.in.workitem.WorkItemFilter;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItem;

import java.util.List;

/** Finds a tenant's work items in backlog order (see {@link PageCursor}). */
public interface FindWorkItemsPort {

    /** Up to {@code limit} items matching the filter that come after the cursor (null: from the start). */
    List<WorkItem> find(TenantId tenant, WorkItemFilter filter, PageCursor after, int limit);
}
