package health.ordo.application.service.connector;

import health.ordo.application.port.in.connector.ConnectorNotFoundException;
import health.ordo.application.port.in.connector.ConnectorRejection;
import health.ordo.application.port.in.connector.ConnectorStatus;
import health.ordo.application.port.in.connector.ConnectorUseCase;
import health.ordo.application.port.in.workitem.GetWorkItemQuery;
import health.ordo.application.port.in.workitem.IngestOutcome;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.application.port.out.connector.ConnectorRegistryPort;
import health.ordo.application.port.out.connector.ConnectorRegistryPort.Connector;
import health.ordo.application.port.out.connector.ConnectorStatePort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.workitem.AppendEventsPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.application.service.workitem.WorkItemUpdater;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemEvent;
import health.ordo.spi.CanonicalEvent;
import health.ordo.spi.Cursor;
import health.ordo.spi.HealthReport;
import health.ordo.spi.PullResult;
import health.ordo.spi.SourceClosure;
import health.ordo.spi.SourceUnavailableException;
import health.ordo.spi.WorkItemCommand;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The connector runtime. Each round, a node leases a connector (so one node pulls it at a time), pulls pages from its
 * stored cursor and ingests them: new records become items, changed records refresh their open item, records the source
 * resolved close theirs, unmappable records are kept as rejections. The cursor is stored after each page, after the
 * page's items, so a crash re-pulls at most one page, which idempotent ingestion absorbs. When the source fails, the
 * connector turns DEGRADED, its cursor stays, and everything already in Ordo keeps being worked.
 */
public final class ConnectorService implements ConnectorUseCase {

    static final Duration LEASE = Duration.ofMinutes(5);
    static final int MAX_PAGES_PER_ROUND = 50;

    private final ConnectorRegistryPort registry;
    private final ConnectorStatePort state;
    private final IngestWorkItemUseCase ingest;
    private final GetWorkItemQuery query;
    private final WorkItemUpdater updater;
    private final SaveWorkItemPort save;
    private final AppendEventsPort events;
    private final TransactionPort transactions;
    private final Clock clock;

    public ConnectorService(ConnectorRegistryPort registry, ConnectorStatePort state, IngestWorkItemUseCase ingest,
                            GetWorkItemQuery query, WorkItemUpdater updater, SaveWorkItemPort save, AppendEventsPort events,
                            TransactionPort transactions, Clock clock) {
        this.registry = registry;
        this.state = state;
        this.ingest = ingest;
        this.query = query;
        this.updater = updater;
        this.save = save;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public int syncAll() {
        int synced = 0;
        for (Connector connector : registry.connectors()) {
            if (sync(connector)) {
                synced++;
            }
        }
        return synced;
    }

    @Override
    public ConnectorStatus syncNow(TenantId tenant, String name) {
        Connector connector = registry.connectors().stream().filter(c -> c.tenant().equals(tenant) && c.name().equals(name))
                .findFirst().orElseThrow(() -> new ConnectorNotFoundException(name));
        sync(connector);
        return list(tenant).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new ConnectorNotFoundException(name));
    }

    /** @return false when another node holds the connector */
    boolean sync(Connector connector) {
        Instant started = clock.instant();
        Optional<String> leased = transactions.inTransaction(() -> state.lease(connector.tenant(), connector.name(), connector.type(),
                connector.adapter().system(), started, LEASE));
        if (leased.isEmpty()) {
            return false;
        }
        Cursor cursor = new Cursor(leased.get());
        Actor actor = new Actor("connector:" + connector.name(), true);
        try {
            for (int page = 0; page < MAX_PAGES_PER_ROUND; page++) {
                PullResult result = connector.adapter().pull(cursor, connector.pageSize());
                ConnectorStatePort.Progress progress = apply(connector, result, actor);
                Cursor next = result.next();
                transactions.inTransaction(() -> {
                    state.advance(connector.tenant(), connector.name(), next.value(), progress, clock.instant());
                    return null;
                });
                cursor = next;
                if (!result.hasMore()) {
                    break;
                }
            }
            HealthReport health = connector.adapter().health();
            finish(connector, health.status().name(), health.reason(), true);
        } catch (SourceUnavailableException e) {
            HealthReport health = connector.adapter().health();
            String status = health.status() == HealthReport.Status.UP ? HealthReport.Status.DEGRADED.name() : health.status().name();
            finish(connector, status, e.getMessage(), false);
        } catch (RuntimeException e) {
            finish(connector, HealthReport.Status.DEGRADED.name(), "sync failed: " + e, false);
            throw e;
        }
        return true;
    }

    private void finish(Connector connector, String health, String reason, boolean success) {
        transactions.inTransaction(() -> {
            state.finish(connector.tenant(), connector.name(), health, reason, success, clock.instant());
            return null;
        });
    }

    private ConnectorStatePort.Progress apply(Connector connector, PullResult result, Actor actor) {
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
        List<IngestOutcome> outcomes = contents.isEmpty() ? List.of() : ingest.ingestBatch(tenant, contents, actor);
        for (int i = 0; i < outcomes.size(); i++) {
            IngestOutcome outcome = outcomes.get(i);
            WorkItemCommand command = accepted.get(i);
            WorkItemContent content = contents.get(i);
            if (outcome instanceof IngestOutcome.Created c) {
                created++;
                publish(tenant, c.item(), command.events(), actor);
            } else if (outcome instanceof IngestOutcome.Duplicate) {
                duplicates++;
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
                }
            } else if (outcome instanceof IngestOutcome.Rejected r) {
                rejections.add(new ConnectorRejection(command.externalId(), r.field(), r.reason(), now));
            }
        }
        long closed = 0;
        for (SourceClosure closure : result.closures()) {
            Optional<WorkItem> item = query.bySource(tenant, new SourceReference(connector.adapter().system(), closure.externalId()));
            if (item.isPresent() && !item.get().status().isTerminal()) {
                updater.change(tenant, item.get().id(), (it, at) -> it.cancel("resolved in the source: " + closure.reason(), actor, at));
                closed++;
            }
        }
        if (!rejections.isEmpty()) {
            transactions.inTransaction(() -> {
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
        transactions.inTransaction(() -> {
            events.append(published);
            return null;
        });
    }

    @Override
    public List<ConnectorStatus> list(TenantId tenant) {
        List<ConnectorStatus> stored = transactions.readOnly(() -> state.list(tenant));
        List<ConnectorStatus> all = new ArrayList<>();
        for (Connector connector : registry.connectors()) {
            if (!connector.tenant().equals(tenant)) {
                continue;
            }
            ConnectorStatus status = stored.stream().filter(s -> s.name().equals(connector.name())).findFirst()
                    .orElse(new ConnectorStatus(connector.name(), connector.type(), connector.adapter().system(), "NEVER_RUN", null, "",
                            null, null, 0, 0, 0, 0, 0));
            all.add(withLiveHealth(status, connector.adapter().health()));
        }
        return all;
    }

    /** The adapter's own view wins when it is newer than the last sync (a write-back reached the source since). */
    private static ConnectorStatus withLiveHealth(ConnectorStatus status, HealthReport live) {
        if (status.lastRunAt() == null || live == null || live.checkedAt() == null || !live.checkedAt().isAfter(status.lastRunAt())) {
            return status;
        }
        return new ConnectorStatus(status.name(), status.type(), status.system(), live.status().name(), live.reason(), status.cursor(),
                status.lastRunAt(), status.lastSuccessAt(), status.itemsCreated(), status.itemsUpdated(), status.itemsClosed(),
                status.duplicates(), status.rejected());
    }

    @Override
    public List<ConnectorRejection> rejections(TenantId tenant, String name, int limit) {
        if (registry.connectors().stream().noneMatch(c -> c.tenant().equals(tenant) && c.name().equals(name))) {
            throw new ConnectorNotFoundException(name);
        }
        return transactions.readOnly(() -> state.rejections(tenant, name, limit));
    }
}
