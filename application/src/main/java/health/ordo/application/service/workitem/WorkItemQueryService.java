package health.ordo.application.service.workitem;

import health.ordo.application.port.in.workitem.GetWorkItemQuery;
import health.ordo.application.port.in.workitem.ListWorkItemsQuery;
import health.ordo.application.port.in.workitem.PageCursor;
import health.ordo.application.port.in.workitem.WorkItemDetails;
import health.ordo.application.port.in.workitem.WorkItemFilter;
import health.ordo.application.port.in.workitem.WorkItemPage;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.workitem.FindWorkItemsPort;
import health.ordo.application.port.out.workitem.LoadWorkItemPort;
import health.ordo.application.service.scoring.PriorityScoringService;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItemId;

import java.util.List;
import java.util.Optional;

/** Reads work items for one tenant: a single item with history, or a page of the prioritized backlog. */
public final class WorkItemQueryService implements GetWorkItemQuery, ListWorkItemsQuery {

    private final LoadWorkItemPort loadPort;
    private final FindWorkItemsPort findPort;
    private final TransactionPort transactions;
    private final PriorityScoringService scoring;

    public WorkItemQueryService(LoadWorkItemPort loadPort, FindWorkItemsPort findPort, TransactionPort transactions,
                                PriorityScoringService scoring) {
        this.loadPort = loadPort;
        this.findPort = findPort;
        this.transactions = transactions;
        this.scoring = scoring;
    }

    @Override
    public Optional<WorkItemDetails> get(TenantId tenant, WorkItemId id) {
        return transactions.readOnly(tenant, () -> loadPort.load(tenant, id)
                .map(item -> new WorkItemDetails(item, loadPort.loadHistory(tenant, id), scoring.reexplain(item))));
    }

    @Override
    public Optional<WorkItem> bySource(TenantId tenant, SourceReference source) {
        return transactions.readOnly(tenant, () -> loadPort.loadBySource(tenant, source));
    }

    @Override
    public WorkItemPage list(TenantId tenant, WorkItemFilter filter, PageCursor after, int limit) {
        InvalidValueException.require(limit >= 1 && limit <= MAX_LIMIT, "limit", "limit must be between 1 and " + MAX_LIMIT);
        // One extra row tells whether a next page exists without a count query.
        List<WorkItem> rows = transactions.readOnly(tenant, () -> findPort.find(tenant, filter, after, limit + 1));
        if (rows.size() <= limit) {
            return new WorkItemPage(rows, null);
        }
        List<WorkItem> page = rows.subList(0, limit);
        return new WorkItemPage(page, PageCursor.after(page.get(limit - 1)));
    }
}
