package health.ordo.application.service.workitem;

import health.ordo.application.port.in.workitem.SearchWorkItemsQuery;
import health.ordo.application.port.in.workitem.WorkItemSearch;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.workitem.SearchWorkItemsPort;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItem;

import java.util.List;

/** Searches work items within one tenant's read-only transaction (row-level security applies). */
public final class WorkItemSearchService implements SearchWorkItemsQuery {

    private final SearchWorkItemsPort port;
    private final TransactionPort transactions;

    public WorkItemSearchService(SearchWorkItemsPort port, TransactionPort transactions) {
        this.port = port;
        this.transactions = transactions;
    }

    @Override
    public Result search(TenantId tenant, WorkItemSearch search, WorkItemSearch.Cursor after, int limit, boolean countTotal) {
        InvalidValueException.require(limit >= 1 && limit <= MAX_LIMIT, "limit", "limit must be between 1 and " + MAX_LIMIT);
        return transactions.readOnly(tenant, () -> {
            // One extra row tells whether a next page exists.
            List<WorkItem> rows = port.search(tenant, search, after, limit + 1);
            Long total = countTotal ? port.count(tenant, search) : null;
            if (rows.size() <= limit) {
                return new Result(rows, null, total);
            }
            List<WorkItem> page = List.copyOf(rows.subList(0, limit));
            return new Result(page, WorkItemSearch.Cursor.after(page.get(limit - 1), search.order()), total);
        });
    }
}
