package health.ordo.application.service.workitem;

import health.ordo.application.port.out.routing.WorkforcePort;
import health.ordo.domain.routing.ClaimEligibility;
import java.util.Optional;
import health.ordo.application.service.sla.SlaScheduler;
import health.ordo.application.port.in.workitem.ChangeWorkItemStatusUseCase;
import health.ordo.application.service.approval.ApprovalGate;
import health.ordo.application.service.writeback.WriteBackService;
import health.ordo.domain.approval.ApprovalKind;
import health.ordo.domain.approval.ApprovalSettings;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.LifecycleAction;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemId;

import java.util.Map;

/**
 * Applies a lifecycle action under a row lock; the item is re-scored and stored with its history and events, and a
 * completion queues its write-back in the same transaction. A completion that writes off more than the tenant's
 * maker-checker threshold is held for a second person instead (the item stays in progress).
 */
public final class WorkItemLifecycleService implements ChangeWorkItemStatusUseCase {

    private final WorkItemUpdater updater;
    private final WriteBackService writeBacks;
    private final ApprovalGate gate;
    private final WorkforcePort workforce;

    public WorkItemLifecycleService(WorkItemUpdater updater) {
        this(updater, null, null, null);
    }

    /**
     * @param writeBacks queues a completed item's resolution for its source system; null where none apply
     * @param gate       maker-checker for write-offs; null where it does not apply
     * @param workforce  the workers' queues, for who may claim what ({@link ClaimEligibility}); null where it does not apply
     */
    public WorkItemLifecycleService(WorkItemUpdater updater, WriteBackService writeBacks, ApprovalGate gate, WorkforcePort workforce) {
        this.updater = updater;
        this.writeBacks = writeBacks;
        this.gate = gate;
        this.workforce = workforce;
    }

    @Override
    public WorkItem apply(TenantId tenant, WorkItemId id, LifecycleAction action, String note, Actor actor) {
        // no resolution is no write-off (and an immutable set's contains(null) throws): the domain refuses it below
        boolean writeOff = action == LifecycleAction.COMPLETE && note != null && ApprovalSettings.WRITE_OFF_CODES.contains(note);
        ApprovalSettings rules = writeOff && gate != null ? gate.settings(tenant) : null;
        try {
            return change(tenant, id, action, note, actor, rules);
        } catch (HeldForApproval held) {
            throw gate.hold(tenant, ApprovalKind.WRITE_OFF, "work item " + id.value(),
                    "write off " + (held.amount == null ? "an item without amount" : held.amount.value().toPlainString() + " " + held.amount.currency()) + " on \"" + held.title + "\" (" + note + ")",
                    Map.of("workItemId", id.value().toString(), "resolutionCode", note, "maker", actor.name()), actor.name());
        }
    }

    /** The approved write-off: completed in the maker's name, within the approval's transaction. */
    public WorkItem completeApproved(TenantId tenant, WorkItemId id, String resolutionCode, Actor maker) {
        return change(tenant, id, LifecycleAction.COMPLETE, resolutionCode, maker, null);
    }

    private WorkItem change(TenantId tenant, WorkItemId id, LifecycleAction action, String note, Actor actor, ApprovalSettings rules) {
        return updater.change(tenant, id, SlaScheduler.movesClock(action.verb()), (item, now) -> {
            switch (action) {
                case CLAIM -> {
                    if (workforce != null) {
                        ClaimEligibility.require(actor, actor.supervisor() ? Optional.empty() : workforce.worker(tenant, actor.name()), item);
                    }
                    item.claim(actor, now, false);
                }
                case START -> item.start(actor, now);
                case HOLD -> item.hold(note, actor, now);
                case RESUME -> item.resume(actor, now);
                case COMPLETE -> {
                    item.complete(note, actor, now);
                    if (rules != null && rules.requiresWriteOffApproval(note, item.content().moneyAtStake())) {
                        // the completion was allowed; roll it back and hold it for a second person
                        throw new HeldForApproval(item.content().moneyAtStake(), item.content().title());
                    }
                    if (writeBacks != null) {
                        writeBacks.plan(item, now);
                    }
                }
                case CANCEL -> item.cancel(note, actor, now);
                case RELEASE -> item.release(actor, now);
            }
        });
    }

    private static final class HeldForApproval extends RuntimeException {

        private final transient Money amount;
        private final String title;

        HeldForApproval(Money amount, String title) {
            super(null, null, false, false);
            this.amount = amount;
            this.title = title;
        }
    }
}
