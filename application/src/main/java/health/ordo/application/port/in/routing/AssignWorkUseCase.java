package health.ordo.application.port.in.routing;

import health.ordo.application.port.in.workitem.WorkItemFilter;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemId;

/** Supervisor actions: assign to a worker, transfer to a queue (one item or many by filter), re-route by the rules. */
public interface AssignWorkUseCase {

    WorkItem assign(TenantId tenant, WorkItemId id, String worker, Actor actor);

    WorkItem transfer(TenantId tenant, WorkItemId id, String queue, Actor actor);

    WorkItem reroute(TenantId tenant, WorkItemId id, Actor actor);

    /** Applies assign (worker set) or transfer (queue set) to up to {@code limit} items matching the filter. */
    BulkResult bulk(TenantId tenant, WorkItemFilter filter, String worker, String queue, int limit, Actor actor);

    /** How a bulk action went: items changed, and items skipped because their state did not allow it. */
    record BulkResult(int matched, int changed, int skipped) {
    }
}
