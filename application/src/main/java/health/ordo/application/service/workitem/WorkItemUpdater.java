package health.ordo.application.service.workitem;

import health.ordo.application.port.out.audit.AuditLogPort;
import health.ordo.application.port.out.audit.ChangeTrailPort;
import health.ordo.application.port.in.workitem.WorkItemNotFoundException;
import health.ordo.application.port.out.sla.SlaTimerPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.workitem.AppendEventsPort;
import health.ordo.application.port.out.workitem.LoadWorkItemPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.application.service.scoring.PriorityScoringService;
import health.ordo.application.service.sla.SlaScheduler;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemId;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The one way a stored work item changes: lock it, let the domain change it, re-score it, and store state, history
 * and events together. Every service that changes items goes through here.
 */
public final class WorkItemUpdater {

    private final LoadWorkItemPort loadPort;
    private final SaveWorkItemPort savePort;
    private final AppendEventsPort eventsPort;
    private final TransactionPort transactions;
    private final PriorityScoringService scoring;
    private final SlaScheduler sla;
    private final Clock clock;
    private final ChangeTrailPort trail;
    private final AuditLogPort auditLog;

    public WorkItemUpdater(LoadWorkItemPort loadPort, SaveWorkItemPort savePort, AppendEventsPort eventsPort,
                           TransactionPort transactions, PriorityScoringService scoring, SlaScheduler sla, Clock clock) {
        this(loadPort, savePort, eventsPort, transactions, scoring, sla, clock, ChangeTrailPort.NONE, null);
    }

    /**
     * @param trail    receives the before/after of every stored change for the audit log
     * @param auditLog where the request's audit entry is appended, in the change's transaction, when the trail hands it over
     */
    public WorkItemUpdater(LoadWorkItemPort loadPort, SaveWorkItemPort savePort, AppendEventsPort eventsPort,
                           TransactionPort transactions, PriorityScoringService scoring, SlaScheduler sla, Clock clock,
                           ChangeTrailPort trail, AuditLogPort auditLog) {
        this.trail = trail;
        this.auditLog = auditLog;
        this.loadPort = loadPort;
        this.savePort = savePort;
        this.eventsPort = eventsPort;
        this.transactions = transactions;
        this.scoring = scoring;
        this.sla = sla;
        this.clock = clock;
    }

    /** In its own transaction: lock, change (given the instant of the change), re-score, store. */
    public WorkItem change(TenantId tenant, WorkItemId id, BiConsumer<WorkItem, Instant> change) {
        return change(tenant, id, false, change);
    }

    /**
     * {@link #change(TenantId, WorkItemId, BiConsumer)}; {@code movesClock}: the change will move the item's SLA clock
     * (hold, resume, completion…), so its clock inputs are read with its lock, in the same round trip.
     */
    public WorkItem change(TenantId tenant, WorkItemId id, boolean movesClock, BiConsumer<WorkItem, Instant> change) {
        return transactions.inTransaction(tenant, () -> {
            LoadWorkItemPort.LockedForClock locked = (movesClock && sla != null ? loadPort.loadForUpdateWithClock(tenant, id)
                    : loadPort.loadForUpdate(tenant, id).map(item -> new LoadWorkItemPort.LockedForClock(item, null)))
                    .orElseThrow(() -> new WorkItemNotFoundException(id));
            WorkItem item = locked.item();
            Instant now = clock.instant();
            Map<String, String> before = auditable(item);
            change.accept(item, now);
            store(item, now, locked.clock());
            audit(item, before);
            return item;
        });
    }

    /** {@link #store(WorkItem, Instant)}, telling the audit trail what the change did to the item's auditable fields. */
    public void store(WorkItem item, Map<String, String> before, Instant now) {
        store(item, now);
        audit(item, before);
    }

    private void audit(WorkItem item, Map<String, String> before) {
        trail.changed("work-items", item.id().toString(), before, auditable(item)).ifPresent(entry -> {
            if (auditLog != null) {
                auditLog.append(entry);
            }
        });
    }

    /** The fields of an item the audit log shows before and after a change; never attributes (they may hold PHI). */
    public static Map<String, String> auditable(WorkItem item) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status", item.status().name());
        fields.put("assignee", item.assignee());
        fields.put("queue", item.queue());
        fields.put("priorityScore", item.priorityScore() == null ? null : item.priorityScore().value().toPlainString());
        fields.put("resolutionCode", item.resolutionCode());
        fields.put("override", item.priorityOverride() == null ? null
                : item.priorityOverride().target() + " " + item.priorityOverride().status());
        return fields;
    }

    /**
     * Within the caller's transaction, on an item the caller locked and changed: re-score, store, and re-plan its SLA
     * escalations when the change moved its clock (hold, resume, completion…); the new SLA state is stored with the
     * item itself. {@code sla} may be null where SLA timers do not apply (tests of other concerns).
     */
    public void store(WorkItem item, Instant now) {
        store(item, now, null);
    }

    private void store(WorkItem item, Instant now, SlaTimerPort.ClockInputs readWithLock) {
        item.applyScore(scoring.basis(item, now), now);
        WorkItem.Changes changes = item.pullChanges();
        // a change that moves the clock: its SLA state goes with the item's own update, its timers right after
        SlaScheduler.Plan plan = sla != null && SlaScheduler.movesClock(changes.history())
                ? sla.plan(item, changes.history(), now, readWithLock) : null;
        if (plan != null) {
            item.recordSla(plan.summary());
        }
        savePort.update(item, changes);
        eventsPort.append(health.ordo.domain.event.BusinessEvents.withBusinessEvents(item, changes.events()));
        if (plan != null) {
            sla.apply(item, plan);
        }
    }
}
