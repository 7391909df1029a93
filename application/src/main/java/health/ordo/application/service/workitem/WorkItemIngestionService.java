package health.ordo.application.service.workitem;

import health.ordo.application.port.in.workitem.IngestOutcome;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.application.port.out.routing.WorkforcePort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.workitem.AppendEventsPort;
import health.ordo.application.port.out.workitem.LoadWorkItemPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.application.service.scoring.PriorityScoringService;
import health.ordo.application.service.sla.SlaScheduler;
import health.ordo.domain.routing.RoutingDecision;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Provenance;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemType;
import health.ordo.domain.workitem.WorkItemContent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ingests work items idempotently: one transaction per item, routed by the tenant's rules and scored on arrival,
 * creation and routing recorded in the history and the outbox.
 */
public final class WorkItemIngestionService implements IngestWorkItemUseCase {

    private final LoadWorkItemPort loadPort;
    private final SaveWorkItemPort savePort;
    private final AppendEventsPort eventsPort;
    private final TransactionPort transactions;
    private final PriorityScoringService scoring;
    private final WorkforcePort workforce;
    private final SlaScheduler sla;
    private final Clock clock;

    public WorkItemIngestionService(LoadWorkItemPort loadPort, SaveWorkItemPort savePort, AppendEventsPort eventsPort,
                                    TransactionPort transactions, PriorityScoringService scoring, WorkforcePort workforce,
                                    SlaScheduler sla, Clock clock) {
        this.loadPort = loadPort;
        this.savePort = savePort;
        this.eventsPort = eventsPort;
        this.transactions = transactions;
        this.scoring = scoring;
        this.workforce = workforce;
        this.sla = sla;
        this.clock = clock;
    }

    @Override
    public IngestOutcome ingest(TenantId tenant, WorkItemContent content, Actor actor, Provenance provenance) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(provenance, "provenance");
        return transactions.inTransaction(tenant, () -> ingestInCurrentTransaction(tenant, content, actor, provenance));
    }

    @Override
    public List<IngestOutcome> ingestBatch(TenantId tenant, List<WorkItemContent> contents, Actor actor, Provenance provenance) {
        if (contents.size() > MAX_BATCH) {
            throw new InvalidValueException("items", "a batch holds at most " + MAX_BATCH + " items");
        }
        List<IngestOutcome> outcomes = new ArrayList<>(contents.size());
        for (WorkItemContent content : contents) {
            outcomes.add(ingestOne(tenant, content, actor, provenance));
        }
        return outcomes;
    }

    private IngestOutcome ingestOne(TenantId tenant, WorkItemContent content, Actor actor, Provenance provenance) {
        try {
            return ingest(tenant, content, actor, provenance);
        } catch (InvalidValueException e) {
            return new IngestOutcome.Rejected(e.field(), e.getMessage());
        }
    }

    private IngestOutcome ingestInCurrentTransaction(TenantId tenant, WorkItemContent content, Actor actor, Provenance provenance) {
        var known = loadPort.loadBySource(tenant, content.source());
        if (known.isPresent()) {
            return compareWithKnown(known.get(), content);
        }
        WorkItem item = WorkItem.create(tenant, content, provenance, actor, clock.instant());
        RoutingDecision decision = RoutingDecision.route(workforce.rules(tenant), item);
        if (decision.queue().equals(content.queue()) && !WorkItemType.isDefaultQueue(content.queue())
                && workforce.queue(tenant, content.queue()).isEmpty()) {
            // no rule took it and the queue it asked for does not exist: it would sit where no worker looks
            throw new InvalidValueException("queue", "no queue " + content.queue() + " in this tenant: create it first (PUT /api/v1/queues/"
                    + content.queue() + ") or leave queue out for the type's default queue");
        }
        item.route(decision.queue(), decision.skills(), decision.size(), decision.describe(), Actor.SYSTEM, item.createdAt());
        item.applyScore(scoring.explain(item, item.createdAt()), item.createdAt());
        WorkItem.Changes changes = item.pullChanges();
        // the clock is planned from the new item's own history before it is stored, so the row is written once with its
        // SLA state and deadline (a second write of the row would add an entry to every index of the table again)
        SlaScheduler.Plan clock = sla == null ? null : sla.plan(item, changes.history(), item.createdAt());
        if (clock != null) {
            item.recordSla(clock.summary());
        }
        if (!savePort.insertIfSourceAbsent(item, changes)) {
            // Another node stored the same source record between our look-up and our insert.
            return compareWithKnown(loadPort.loadBySource(tenant, content.source()).orElseThrow(), content);
        }
        eventsPort.append(health.ordo.domain.event.BusinessEvents.withBusinessEvents(item, changes.events()));
        if (clock != null) {
            sla.apply(item, clock);
        }
        return new IngestOutcome.Created(item);
    }

    private static IngestOutcome compareWithKnown(WorkItem known, WorkItemContent delivered) {
        return known.contentFingerprint().equals(delivered.fingerprint())
                ? new IngestOutcome.Duplicate(known)
                : new IngestOutcome.Conflict(known);
    }
}
