package health.ordo.application.service.workitem;

import health.ordo.application.port.in.workitem.ChangeWorkItemStatusUseCase;
import health.ordo.application.port.in.workitem.WorkItemNotFoundException;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.workitem.AppendEventsPort;
import health.ordo.application.port.out.workitem.LoadWorkItemPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.application.service.priority.PriorityScoringService;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.LifecycleAction;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemId;

import java.time.Clock;
import java.time.Instant;

/** Applies a lifecycle action under a row lock, re-scores the item and stores state, history and events together. */
public final class WorkItemLifecycleService implements ChangeWorkItemStatusUseCase {

    private final LoadWorkItemPort loadPort;
    private final SaveWorkItemPort savePort;
    private final AppendEventsPort eventsPort;
    private final TransactionPort transactions;
    private final PriorityScoringService scoring;
    private final Clock clock;

    public WorkItemLifecycleService(LoadWorkItemPort loadPort, SaveWorkItemPort savePort, AppendEventsPort eventsPort,
                                    TransactionPort transactions, PriorityScoringService scoring, Clock clock) {
        this.loadPort = loadPort;
        this.savePort = savePort;
        this.eventsPort = eventsPort;
        this.transactions = transactions;
        this.scoring = scoring;
        this.clock = clock;
    }

    @Override
    public WorkItem apply(TenantId tenant, WorkItemId id, LifecycleAction action, String note, Actor actor) {
        return transactions.inTransaction(() -> {
            WorkItem item = loadPort.loadForUpdate(tenant, id).orElseThrow(() -> new WorkItemNotFoundException(id));
            Instant now = clock.instant();
            switch (action) {
                case CLAIM -> item.claim(actor, now);
                case START -> item.start(actor, now);
                case HOLD -> item.hold(note, actor, now);
                case RESUME -> item.resume(actor, now);
                case COMPLETE -> item.complete(note, actor, now);
                case CANCEL -> item.cancel(note, actor, now);
                case RELEASE -> item.release(actor, now);
            }
            item.applyScore(scoring.explain(item, now), now);
            WorkItem.Changes changes = item.pullChanges();
            savePort.update(item, changes);
            eventsPort.append(changes.events());
            return item;
        });
    }
}
