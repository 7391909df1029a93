package health.ordo.application.port.in.workitem;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItem;

import java.util.List;

/** Searches a tenant's work items by any combination of criteria, in a chosen order, a page at a time. */
public interface SearchWorkItemsQuery {

    int MAX_LIMIT = 500;

    /**
     * @param after      where the previous page ended, or null for the first page
     * @param countTotal whether to count every match (one more query)
     */
    Result search(TenantId tenant, WorkItemSearch search, WorkItemSearch.Cursor after, int limit, boolean countTotal);

    /**
     * @param next  where the next page starts, null on the last page
     * @param total every match, null unless counted
     */
    record Result(List<WorkItem> items, WorkItemSearch.Cursor next, Long total) {
    }
}
