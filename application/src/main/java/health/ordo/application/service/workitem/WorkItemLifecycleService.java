package health.ordo.application.service.workitem;

import health.ordo.application.port.in.workitem.ChangeWorkItemStatusUseCase;
import health.ordo.application.service.writeback.WriteBackService;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.LifecycleAction;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemId;

/**
 * Applies a lifecycle action under a row lock; the item is re-scored and stored with its history and events, and a
 * completion queues its write-back in the same transaction.
 */
public final class WorkItemLifecycleService implements ChangeWorkItemStatusUseCase {

    private final WorkItemUpdater updater;
    private final WriteBackService writeBacks;

    public WorkItemLifecycleService(WorkItemUpdater updater) {
        this(updater, null);
    }

    /** @param writeBacks queues a completed item's resolution for its source system; null where none apply */
    public WorkItemLifecycleService(WorkItemUpdater updater, WriteBackService writeBacks) {
        this.updater = updater;
        this.writeBacks = writeBacks;
    }

    @Override
    public WorkItem apply(TenantId tenant, WorkItemId id, LifecycleAction action, String note, Actor actor) {
        return updater.change(tenant, id, (item, now) -> {
            switch (action) {
                case CLAIM -> item.claim(actor, now);
                case START -> item.start(actor, now);
                case HOLD -> item.hold(note, actor, now);
                case RESUME -> item.resume(actor, now);
                case COMPLETE -> {
                    item.complete(note, actor, now);
                    if (writeBacks != null) {
                        writeBacks.plan(item, now);
                    }
                }
                case CANCEL -> item.cancel(note, actor, now);
                case RELEASE -> item.release(actor, now);
            }
        });
    }
}
