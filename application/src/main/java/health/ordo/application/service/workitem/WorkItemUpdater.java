package health.ordo.application.service.workitem;

import health.ordo.application.port.in.workitem.WorkItemNotFoundException;
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

    public WorkItemUpdater(LoadWorkItemPort loadPort, SaveWorkItemPort savePort, AppendEventsPort eventsPort,
                           TransactionPort transactions, PriorityScoringService scoring, SlaScheduler sla, Clock clock) {
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
        return transactions.inTransaction(tenant, () -> {
            WorkItem item = loadPort.loadForUpdate(tenant, id).orElseThrow(() -> new WorkItemNotFoundException(id));
            Instant now = clock.instant();
            change.accept(item, now);
            store(item, now);
            return item;
        });
    }

    /**
     * Within the caller's transaction, on an item the caller locked and changed: re-score, store, and re-plan its SLA
     * escalations when the change moved its clock (hold, resume, completion…). {@code sla} may be null where SLA
     * timers do not apply (tests of other concerns).
     */
    public void store(WorkItem item, Instant now) {
        item.applyScore(scoring.explain(item, now), now);
        WorkItem.Changes changes = item.pullChanges();
        savePort.update(item, changes);
        eventsPort.append(changes.events());
        if (sla != null && SlaScheduler.movesClock(changes.history())) {
            sla.reschedule(item, now);
        }
    }
}
