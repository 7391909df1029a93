package health.ordo.application.service.connector;

import health.ordo.application.port.in.claims.IngestRemittanceUseCase;
import health.ordo.application.port.in.claims.IngestReport;
import health.ordo.application.port.in.connector.ConnectorRejection;
import health.ordo.application.port.in.workitem.GetWorkItemQuery;
import health.ordo.application.port.in.workitem.IngestOutcome;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.application.port.out.connector.ConnectorRegistryPort.Connector;
import health.ordo.application.port.out.connector.ConnectorStatePort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.workitem.AppendEventsPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.application.service.workitem.WorkItemUpdater;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Provenance;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemEvent;
import health.ordo.spi.CanonicalEvent;
import health.ordo.spi.PullResult;
import health.ordo.spi.SourceClosure;
import health.ordo.spi.WorkItemCommand;
import health.ordo.spi.claims.RemittanceAdvice;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Brings Ordo in line with what a source reported in one page: new records become items, changed records refresh their
 * open item, records the source resolved close theirs, unmappable records are kept as the connector's rejections, and the
 * source's own business events are published with the items they concern. Claim payments a claims source reports go
 * through the same remittance ingestion as a posted file, so the claims rules, reversals and re-denials are one.
 */
final class SourceReconciliation {

    private final ConnectorStatePort state;
    private final IngestWorkItemUseCase ingest;
    private final GetWorkItemQuery query;
    private final WorkItemUpdater updater;
    private final SaveWorkItemPort save;
    private final AppendEventsPort events;
    private final TransactionPort transactions;
    private final Clock clock;
    private final Supplier<IngestRemittanceUseCase> remittances;

    SourceReconciliation(ConnectorStatePort state, IngestWorkItemUseCase ingest, GetWorkItemQuery query, WorkItemUpdater updater,
                         SaveWorkItemPort save, AppendEventsPort events, TransactionPort transactions, Clock clock,
                         Supplier<IngestRemittanceUseCase> remittances) {
        this.remittances = remittances;
        this.state = state;
        this.ingest = ingest;
        this.query = query;
        this.updater = updater;
        this.save = save;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Applies one pulled page: new records become items, changed ones refresh their open item, resolved ones close theirs. */
    ConnectorStatePort.Progress apply(Connector connector, PullResult result, Actor actor) {
        TenantId tenant = connector.tenant();
        Instant now = clock.instant();
        List<ConnectorRejection> rejections = new ArrayList<>();
        result.rejections().forEach(r -> rejections.add(new ConnectorRejection(r.externalId(), r.location(), r.reason(), now)));
        List<WorkItemContent> contents = new ArrayList<>();
        List<WorkItemCommand> accepted = new ArrayList<>();
        for (WorkItemCommand command : result.commands()) {
            try {
                contents.add(CommandTranslator.toContent(command));
                accepted.add(command);
            } catch (InvalidValueException e) {
                rejections.add(new ConnectorRejection(command.externalId(), e.field(), e.getMessage(), now));
            }
        }
        long created = 0;
        long updated = 0;
        long duplicates = 0;
        List<IngestOutcome> outcomes = contents.isEmpty() ? List.of() : ingest.ingestBatch(tenant, contents, actor, Provenance.connector(connector.name()));
        for (int i = 0; i < outcomes.size(); i++) {
            IngestOutcome outcome = outcomes.get(i);
            WorkItemCommand command = accepted.get(i);
            WorkItemContent content = contents.get(i);
            if (outcome instanceof IngestOutcome.Created c) {
                created++;
                publish(tenant, c.item(), command.events(), actor);
            } else if (outcome instanceof IngestOutcome.Duplicate) {
                duplicates++;
            } else if (outcome instanceof IngestOutcome.Conflict c && c.existing().status().isTerminal()) {
                // a changed record of a closed item is new work (the same rule as the inbound claims path)
                IngestOutcome again = ingest.ingestBatch(tenant, List.of(content.reissued()), actor,
                        Provenance.connector(connector.name())).get(0);
                if (again instanceof IngestOutcome.Created c2) {
                    created++;
                    publish(tenant, c2.item(), command.events(), actor);
                } else if (again instanceof IngestOutcome.Rejected r) {
                    rejections.add(new ConnectorRejection(command.externalId(), r.field(), r.reason(), now));
                } else {
                    duplicates++;
                }
            } else if (outcome instanceof IngestOutcome.Conflict c) {
                boolean[] changed = {false};
                WorkItem item = updater.change(tenant, c.existing().id(), (it, at) -> {
                    if (it.refreshFromSource(content, actor, at)) {
                        save.updateContent(it);
                        changed[0] = true;
                    }
                });
                if (changed[0]) {
                    updated++;
                    publish(tenant, item, command.events(), actor);
                } else {
                    duplicates++;
                }
            } else if (outcome instanceof IngestOutcome.Rejected r) {
                rejections.add(new ConnectorRejection(command.externalId(), r.field(), r.reason(), now));
            }
        }
        long closed = 0;
        for (SourceClosure closure : result.closures()) {
            Optional<WorkItem> item = query.bySource(tenant, new SourceReference(connector.adapter().system(), closure.externalId()));
            if (item.isPresent() && !item.get().status().isTerminal()) {
                WorkItem cancelled = updater.change(tenant, item.get().id(),
                        (it, at) -> it.cancel("resolved in the source: " + closure.reason(), actor, at));
                publish(tenant, cancelled, closure.events(), actor);
                closed++;
            }
        }
        if (!result.payments().isEmpty()) {
            IngestReport report = remittances.get().ingest(tenant, new RemittanceAdvice(result.payments().size(), result.payments(),
                    List.of()), actor, Provenance.connector(connector.name()));
            created += report.itemsCreated();
            duplicates += report.duplicates() + report.conflicts();
            closed += report.reversalsApplied();
            report.claims().stream().filter(c -> c.outcome().equals("rejected"))
                    .forEach(c -> rejections.add(new ConnectorRejection(c.claim(), "claim", c.reason(), now)));
        }
        if (!rejections.isEmpty()) {
            transactions.inTransaction(tenant, () -> {
                state.reject(tenant, connector.name(), rejections);
                return null;
            });
        }
        return new ConnectorStatePort.Progress(created, updated, closed, duplicates, rejections.size());
    }

    private void publish(TenantId tenant, WorkItem item, List<CanonicalEvent> canonical, Actor actor) {
        if (canonical.isEmpty()) {
            return;
        }
        List<WorkItemEvent> published = new ArrayList<>();
        for (CanonicalEvent event : canonical) {
            published.add(new WorkItemEvent.SourceBusinessEvent(tenant, item.id(),
                    event.occurredAt() == null ? clock.instant() : event.occurredAt(), actor, event.type(), Map.copyOf(event.data())));
        }
        transactions.inTransaction(tenant, () -> {
            events.append(published);
            return null;
        });
    }
}
