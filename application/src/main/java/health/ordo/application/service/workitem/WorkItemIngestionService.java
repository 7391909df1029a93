package health.ordo.application.service.workitem;

import health.ordo.application.port.in.workitem.IngestOutcome;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.application.port.out.routing.WorkforcePort;
import health.ordo.application.port.out.sla.SlaTimerPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.workitem.AppendEventsPort;
import health.ordo.application.port.out.workitem.LoadWorkItemPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.application.service.scoring.PriorityScoringService;
import health.ordo.application.service.sla.SlaScheduler;
import health.ordo.domain.routing.RoutingDecision;
import health.ordo.domain.routing.RoutingRule;
import health.ordo.domain.score.ScoreExplanation;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Provenance;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemType;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ingests work items idempotently, routed by the tenant's rules and scored on arrival, creation and routing recorded in
 * the history and the outbox: one transaction per item, or per batch of distinct source records (falling back to one
 * per item when the batch's transaction fails, so one item never drops the others).
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
        long distinct = contents.stream().map(WorkItemContent::source).distinct().count();
        if (contents.size() > 1 && distinct == contents.size()) {
            try {
                return transactions.inTransaction(tenant, () -> ingestTogether(tenant, contents, actor, provenance));
            } catch (RuntimeException e) {
                // the batch's unit rolled back as a whole (a constraint, a lost race): each item on its own then, so that one
                // item's failure never drops the others
            }
        }
        List<IngestOutcome> outcomes = new ArrayList<>(contents.size());
        for (WorkItemContent content : contents) {
            outcomes.add(ingestOne(tenant, content, actor, provenance));
        }
        return outcomes;
    }

    /**
     * A batch of distinct source records in one unit of work: one read of the ones already known, the routing rules, SLA
     * inputs and likelihoods read once for all, the new rows in multi-row inserts and their history likewise; the stored
     * items' outbox events in one write and their first SLA timers in another, held for the commit. An item that is invalid on its own (a queue that does not exist) is
     * rejected without holding up the others.
     */
    private List<IngestOutcome> ingestTogether(TenantId tenant, List<WorkItemContent> contents, Actor actor, Provenance provenance) {
        Map<SourceReference, WorkItem> known = loadPort.loadBySources(tenant, contents.stream().map(WorkItemContent::source).toList());
        List<RoutingRule> rules = workforce.rules(tenant);
        Map<String, Boolean> queues = new HashMap<>();
        Instant now = clock.instant();
        IngestOutcome[] outcomes = new IngestOutcome[contents.size()];
        List<WorkItem> fresh = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int k = 0; k < contents.size(); k++) {
            WorkItemContent content = contents.get(k);
            WorkItem existing = known.get(content.source());
            if (existing != null) {
                outcomes[k] = compareWithKnown(existing, content);
                continue;
            }
            try {
                WorkItem item = WorkItem.create(tenant, content, provenance, actor, now);
                route(item, RoutingDecision.route(rules, item), queue -> queues.computeIfAbsent(queue,
                        q -> workforce.queue(tenant, q).isPresent()));
                fresh.add(item);
                at.add(k);
            } catch (InvalidValueException e) {
                outcomes[k] = new IngestOutcome.Rejected(e.field(), e.getMessage());
            }
        }
        List<ScoreExplanation> explanations = scoring.explainAll(fresh, now);
        SlaTimerPort.ClockInputs inputs = sla == null || fresh.isEmpty() ? null : sla.inputsForNew(fresh.get(0));
        List<WorkItem.Changes> changes = new ArrayList<>(fresh.size());
        List<SlaScheduler.Plan> plans = new ArrayList<>(fresh.size());
        for (int f = 0; f < fresh.size(); f++) {
            WorkItem item = fresh.get(f);
            item.applyScore(explanations.get(f), now);
            WorkItem.Changes itemChanges = item.pullChanges();
            SlaScheduler.Plan plan = inputs == null ? null : sla.plan(item, itemChanges.history(), now, inputs);
            if (plan != null) {
                item.recordSla(plan.summary());
            }
            changes.add(itemChanges);
            plans.add(plan);
        }
        boolean[] inserted = fresh.isEmpty() ? new boolean[0] : savePort.insertAllIfSourceAbsent(fresh, changes);
        // the stored items' events and first timers, each in one write for the batch
        List<WorkItemEvent> events = new ArrayList<>();
        List<SlaScheduler.Plan> stored = new ArrayList<>();
        for (int f = 0; f < fresh.size(); f++) {
            WorkItem item = fresh.get(f);
            if (!inserted[f]) {
                // another node stored the same source record between our look-up and our insert
                outcomes[at.get(f)] = compareWithKnown(loadPort.loadBySource(tenant, item.content().source()).orElseThrow(), item.content());
                continue;
            }
            events.addAll(health.ordo.domain.event.BusinessEvents.withBusinessEvents(item, changes.get(f).events()));
            if (plans.get(f) != null) {
                stored.add(plans.get(f));
            }
            outcomes[at.get(f)] = new IngestOutcome.Created(item);
        }
        if (!events.isEmpty()) {
            eventsPort.append(events);
        }
        if (!stored.isEmpty()) {
            sla.applyNew(stored);
        }
        return List.of(outcomes);
    }

    /** Routes the new item as decided; refused when it asked for a queue no rule took and the tenant does not have. */
    private static void route(WorkItem item, RoutingDecision decision, java.util.function.Predicate<String> queueExists) {
        String asked = item.content().queue();
        if (decision.queue().equals(asked) && !WorkItemType.isDefaultQueue(asked) && !queueExists.test(asked)) {
            // no rule took it and the queue it asked for does not exist: it would sit where no worker looks
            throw new InvalidValueException("queue", "no queue " + asked + " in this tenant: create it first (PUT /api/v1/queues/"
                    + asked + ") or leave queue out for the type's default queue");
        }
        item.route(decision.queue(), decision.skills(), decision.size(), decision.describe(), Actor.SYSTEM, item.createdAt());
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
        route(item, RoutingDecision.route(workforce.rules(tenant), item), queue -> workforce.queue(tenant, queue).isPresent());
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
            // a new item has no timers to replace
            sla.applyNew(List.of(clock));
        }
        return new IngestOutcome.Created(item);
    }

    private static IngestOutcome compareWithKnown(WorkItem known, WorkItemContent delivered) {
        return known.contentFingerprint().equals(delivered.fingerprint())
                ? new IngestOutcome.Duplicate(known)
                : new IngestOutcome.Conflict(known);
    }
}
