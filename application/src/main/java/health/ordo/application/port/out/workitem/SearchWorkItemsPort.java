package health.ordo.application.port.out.workitem;

import health.ordo.application.port.in.workitem.WorkItemSearch;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItem;

import java.util.List;

/** Runs a {@link WorkItemSearch} against the store of record. */
public interface SearchWorkItemsPort {

    /** Up to {@code limit} matches after the cursor (null: from the start), in the search's order. */
    List<WorkItem> search(TenantId tenant, WorkItemSearch search, WorkItemSearch.Cursor after, int limit);

    long count(TenantId tenant, WorkItemSearch search);
}
