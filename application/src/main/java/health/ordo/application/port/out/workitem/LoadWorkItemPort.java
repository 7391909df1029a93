package health.ordo.application.port.out.workitem;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.HistoryEntry;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemId;

import java.util.List;
import java.util.Optional;

/** Loads stored work items of one tenant. */
public interface LoadWorkItemPort {

    Optional<WorkItem> load(TenantId tenant, WorkItemId id);

    /** Loads and locks the item until the current transaction ends, so concurrent changes queue up. */
    Optional<WorkItem> loadForUpdate(TenantId tenant, WorkItemId id);

    Optional<WorkItem> loadBySource(TenantId tenant, SourceReference source);

    /** History, oldest entry first. */
    List<HistoryEntry> loadHistory(TenantId tenant, WorkItemId id);
}
