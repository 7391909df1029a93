package health.ordo.application.port.in.workitem;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.LifecycleAction;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemId;

/**
 * Moves a work item through its lifecycle (claim, start, hold, resume, complete, cancel, release).
 *
 * @throws WorkItemNotFoundException when the tenant has no such item
 * @throws health.ordo.domain.workitem.IllegalTransitionException when the item's state forbids the action
 */
public interface ChangeWorkItemStatusUseCase {

    /**
     * @param note the reason (hold, cancel) or resolution code (complete); ignored by other actions
     */
    WorkItem apply(TenantId tenant, WorkItemId id, LifecycleAction action, String note, Actor actor);
}
