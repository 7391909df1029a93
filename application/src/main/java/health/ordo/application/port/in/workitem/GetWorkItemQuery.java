package health.ordo.application.port.in.workitem;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItemId;

import java.util.Optional;

/** Reads one work item with its history; another tenant's item is simply not found. */
public interface GetWorkItemQuery {

    Optional<WorkItemDetails> get(TenantId tenant, WorkItemId id);
}
