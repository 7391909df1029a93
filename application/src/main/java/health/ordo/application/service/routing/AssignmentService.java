package health.ordo.application.service.routing;

import health.ordo.application.port.in.routing.AssignWorkUseCase;
import health.ordo.application.port.in.workitem.PageCursor;
import health.ordo.application.port.in.workitem.WorkItemFilter;
import health.ordo.application.port.out.routing.WorkforcePort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.workitem.FindWorkItemsPort;
import health.ordo.application.service.workitem.WorkItemUpdater;
import health.ordo.domain.routing.RoutingDecision;
import health.ordo.domain.shared.DomainException;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemId;

import java.util.List;

/** Supervisor actions on assignment: assign, transfer and re-route, one item at a time or in bulk by filter. */
public final class AssignmentService implements AssignWorkUseCase {

    static final int MAX_BULK = 1000;

    private final WorkItemUpdater updater;
    private final WorkforcePort workforce;
    private final FindWorkItemsPort find;
    private final TransactionPort transactions;

    public AssignmentService(WorkItemUpdater updater, WorkforcePort workforce, FindWorkItemsPort find,
                             TransactionPort transactions) {
        this.updater = updater;
        this.workforce = workforce;
        this.find = find;
        this.transactions = transactions;
    }

    @Override
    public WorkItem assign(TenantId tenant, WorkItemId id, String worker, Actor actor) {
        requireWorker(tenant, worker);
        return updater.change(tenant, id, (item, now) -> item.assignTo(worker, actor, now));
    }

    @Override
    public WorkItem transfer(TenantId tenant, WorkItemId id, String queue, Actor actor) {
        return updater.change(tenant, id, (item, now) -> {
            WorkforceService.requireQueue(workforce, tenant, queue, "queue");
            item.transferTo(queue, actor, now);
        });
    }

    @Override
    public WorkItem reroute(TenantId tenant, WorkItemId id, Actor actor) {
        return updater.change(tenant, id, (item, now) -> {
            RoutingDecision decision = RoutingDecision.route(workforce.rules(tenant), item);
            item.route(decision.queue(), decision.skills(), decision.size(), decision.describe(), actor, now);
        });
    }

    @Override
    public BulkResult bulk(TenantId tenant, WorkItemFilter filter, String worker, String queue, int limit, Actor actor) {
        InvalidValueException.require((worker == null) != (queue == null), "worker",
                "give either a worker (assign) or a queue (transfer)");
        InvalidValueException.require(limit >= 1 && limit <= MAX_BULK, "limit", "limit lies between 1 and " + MAX_BULK);
        InvalidValueException.require(filter != null && (filter.status() != null || filter.type() != null || filter.queue() != null
                || filter.assignee() != null || filter.slaState() != null), "filter",
                "a filter on status, type, queue, assignee or SLA state is required");
        if (worker != null) {
            requireWorker(tenant, worker);
        } else {
            transactions.readOnly(tenant, () -> {
                WorkforceService.requireQueue(workforce, tenant, queue, "queue");
                return null;
            });
        }
        List<WorkItem> matched = transactions.readOnly(tenant, () -> find.find(tenant, filter, (PageCursor) null, limit));
        int changed = 0;
        for (WorkItem item : matched) {
            try {
                if (worker != null) {
                    assign(tenant, item.id(), worker, actor);
                } else {
                    transfer(tenant, item.id(), queue, actor);
                }
                changed++;
            } catch (DomainException e) {
                // state changed since it matched (completed, cancelled, in progress): skipped, counted
            }
        }
        return new BulkResult(matched.size(), changed, matched.size() - changed);
    }

    private void requireWorker(TenantId tenant, String worker) {
        InvalidValueException.require(worker != null && transactions.readOnly(tenant, () -> workforce.worker(tenant, worker)).isPresent(),
                "worker", "no worker " + worker + " in this tenant");
    }
}
