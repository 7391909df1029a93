package health.ordo.application.port.in.workitem;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemId;

import java.util.Optional;

/** Reads one work item with its history; another tenant's item is simply not found. */
public interface GetWorkItemQuery {

    Optional<WorkItemDetails> get(TenantId tenant, WorkItemId id);

    /** The tenant's item for a source record (an adapter matching a reversal or a correction to what it sent before). */
    Optional<WorkItem> bySource(TenantId tenant, SourceReference source);
}
