package health.ordo.application.service.escalation;

import health.ordo.application.service.TenantRounds;
import health.ordo.application.port.in.sla.FireEscalationsUseCase;
import health.ordo.application.port.out.sla.SlaTimerPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.workitem.LoadWorkItemPort;
import health.ordo.application.service.sla.SlaScheduler;
import health.ordo.application.service.workitem.WorkItemUpdater;
import health.ordo.domain.sla.EscalationAction;
import health.ordo.domain.sla.SlaClock;
import health.ordo.domain.sla.SlaPolicy;
import health.ordo.domain.sla.SlaStage;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Fires due escalation timers. Timers are rows claimed with {@code FOR UPDATE SKIP LOCKED}, tenant by tenant, and marked
 * fired in the same transaction as the item's change, so with any number of nodes each fires exactly once; timers that fell due while
 * no node ran fire at the next start, in due order, marked late. A timer whose clock has moved (the item went on hold,
 * completed, its calendar or policy changed) is dropped and the item's timers are planned afresh from the clock as it is
 * now, so a deadline that moved later still escalates when it comes.
 */
public final class EscalationService implements FireEscalationsUseCase {


    private final SlaTimerPort timers;
    private final SlaScheduler scheduler;
    private final LoadWorkItemPort loadPort;
    private final WorkItemUpdater updater;
    private final TransactionPort transactions;
    private final Clock clock;
    private final Duration lateAfter;

    /**
     * @param lateAfter an escalation fired later than this after its due time is marked late (the application was down)
     */
    public EscalationService(SlaTimerPort timers, SlaScheduler scheduler, LoadWorkItemPort loadPort, WorkItemUpdater updater,
                             TransactionPort transactions, Clock clock, Duration lateAfter) {
        this.timers = timers;
        this.scheduler = scheduler;
        this.loadPort = loadPort;
        this.updater = updater;
        this.transactions = transactions;
        this.clock = clock;
        this.lateAfter = lateAfter;
    }

    @Override
    public int fireDue(int limit) {
        Instant now = clock.instant();
        return TenantRounds.tenantByTenant(transactions, () -> timers.tenantsWithDue(now), limit, (tenant, room) -> {
            List<SlaTimerPort.Timer> due = timers.claimDue(tenant, now, room);
            for (SlaTimerPort.Timer timer : due) {
                fire(timer, now);
            }
            return due.size();
        });
    }

    private void fire(SlaTimerPort.Timer timer, Instant now) {
        Optional<WorkItem> found = loadPort.loadForUpdate(timer.tenant(), timer.workItemId());
        Optional<SlaPolicy> policy = found.flatMap(scheduler::policyFor);
        if (found.isEmpty() || policy.isEmpty()) {
            timers.delete(timer.tenant(), timer.id());
            return;
        }
        WorkItem item = found.get();
        SlaStage stage = SlaStage.valueOf(timer.stage());
        SlaClock slaClock = scheduler.clockOf(item, policy.get(), now);
        if (!stillDue(stage, slaClock, now)) {
            // the clock moved (a hold, a new calendar or policy): plan the item's timers afresh from the clock as it is now
            SlaScheduler.Plan plan = scheduler.plan(item, List.of(), now);
            scheduler.apply(item, plan);
            timers.delete(timer.tenant(), timer.id());
            timers.updateItemSla(item.tenantId(), item.id(), plan.summary().state(), plan.summary().deadlineAt());
            return;
        }
        boolean late = Duration.between(timer.dueAt(), now).compareTo(lateAfter) > 0;
        for (EscalationAction action : policy.get().escalations()) {
            if (action.stage() == stage) {
                item.escalate(eventType(stage, item), action.describe(), action.raisePriorityBy(), action.moveToQueue(),
                        action.reassignTo(), action.sendNotification(), late, now);
            }
        }
        updater.store(item, now);
        timers.markFired(timer.tenant(), timer.id(), now, late);
        if (stage == SlaStage.PASSED_DEADLINE && policy.get().repeatEvery() != null) {
            timers.insert(new SlaTimerPort.Timer(UUID.randomUUID(), item.tenantId(), item.id(), stage.name(),
                    timer.dueAt().plus(policy.get().repeatEvery())));
        }
        SlaClock.State state = stage == SlaStage.DEADLINE_REACHED || stage == SlaStage.PASSED_DEADLINE ? SlaClock.State.BREACHED
                : stage == SlaStage.DEADLINE_APPROACHING ? SlaClock.State.AT_RISK : slaClock.state();
        timers.updateItemSla(item.tenantId(), item.id(), state.name(), slaClock.deadlineAt());
    }

    /** Whether the clock, recomputed now, still puts this stage at or before now. */
    private static boolean stillDue(SlaStage stage, SlaClock slaClock, Instant now) {
        if (slaClock.state() == SlaClock.State.PAUSED || slaClock.state() == SlaClock.State.MET
                || slaClock.state() == SlaClock.State.CANCELLED) {
            return false;
        }
        Instant at = switch (stage) {
            case GOAL_REACHED -> slaClock.goalAt();
            case DEADLINE_APPROACHING -> slaClock.approachingAt();
            case DEADLINE_REACHED, PASSED_DEADLINE -> slaClock.deadlineAt();
        };
        return at != null && !at.isAfter(now);
    }

    private static String eventType(SlaStage stage, WorkItem item) {
        boolean breach = stage == SlaStage.DEADLINE_REACHED || stage == SlaStage.PASSED_DEADLINE;
        return breach && item.content().type() == WorkItemType.PAYMENT_EXCEPTION ? "PaymentExceptionEscalated" : stage.eventType();
    }
}
