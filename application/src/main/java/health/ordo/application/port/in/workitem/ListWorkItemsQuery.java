package health.ordo.application.port.in.workitem;

import health.ordo.domain.shared.TenantId;

/** Lists a tenant's work items by priority (highest first), then binding deadline (soonest first), then id. */
public interface ListWorkItemsQuery {

    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 500;

    /**
     * @param after cursor of the last item of the previous page, or null for the first page
     */
    WorkItemPage list(TenantId tenant, WorkItemFilter filter, PageCursor after, int limit);
}
