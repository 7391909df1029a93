package health.ordo.application.service.connector;

import health.ordo.application.port.in.connector.ConnectorConfig;
import health.ordo.application.port.in.connector.ConnectorConfigChange;
import health.ordo.application.port.in.connector.ConnectorNotFoundException;
import health.ordo.application.port.in.connector.ConnectorRejection;
import health.ordo.application.port.in.connector.ConnectorRun;
import health.ordo.application.port.in.connector.ConnectorStatus;
import health.ordo.application.port.in.connector.ConnectorUseCase;
import health.ordo.application.port.in.connector.InvalidConnectorException;
import health.ordo.application.port.in.workitem.GetWorkItemQuery;
import health.ordo.application.port.in.workitem.IngestOutcome;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.application.port.out.connector.ConnectorConfigPort;
import health.ordo.application.port.out.connector.ConnectorRegistryPort;
import health.ordo.application.port.out.connector.ConnectorRegistryPort.Connector;
import health.ordo.application.port.out.connector.ConnectorSettings;
import health.ordo.application.port.out.connector.ConnectorStatePort;
import health.ordo.application.port.out.connector.SourceAdapterProvider;
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
import health.ordo.application.service.approval.ApprovalGate;
import health.ordo.domain.approval.ApprovalKind;
import health.ordo.spi.CanonicalEvent;
import health.ordo.spi.Cursor;
import health.ordo.spi.HealthReport;
import health.ordo.spi.PullResult;
import health.ordo.spi.SourceClosure;
import health.ordo.spi.SourceUnavailableException;
import health.ordo.spi.WorkItemCommand;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The connector runtime. Connectors come from the deployment's settings and from tenants' configurations made through the
 * API. Each round, a node leases every connector that is due and whose circuit is closed (so one node pulls a connector at
 * a time), pulls pages from its stored cursor and ingests them: new records become items, changed records refresh their
 * open item, records the source resolved close theirs, unmappable records are kept as rejections. A failing page is
 * retried with exponential backoff and jitter before the round gives up. The cursor is stored after each page, after the
 * page's items, so a crash re-pulls at most one page, which idempotent ingestion absorbs. When the source keeps failing,
 * the connector turns DEGRADED, its cursor stays, and after {@value #BREAKER_THRESHOLD} failed rounds in a row its circuit
 * opens for a while; everything already in Ordo keeps being worked. Every run is recorded with its counts.
 */
public final class ConnectorService implements ConnectorUseCase {

    static final Duration LEASE = Duration.ofMinutes(5);
    static final int MAX_PAGES_PER_ROUND = 50;
    static final int PAGE_ATTEMPTS = 3;
    static final int BREAKER_THRESHOLD = 3;
    /** The longest wait a source may ask for (Retry-After) that a round sits out before trying the page again. */
    static final Duration LONGEST_WAIT_IN_ROUND = Duration.ofSeconds(5);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** Option names that hold credentials whatever they are called (client_secret, api-token, …). */
    private static final Pattern SECRET_LIKE = Pattern.compile(
            "(?i)(secret|password|passwd|api[-_]?key|private[-_]?key|access[-_]?token|refresh[-_]?token|bearer|(^|[-_])token$)");

    private final ConnectorRegistryPort registry;
    private final ConnectorConfigPort configs;
    private final Map<String, SourceAdapterProvider> providers;
    private final ConnectorStatePort state;
    private final IngestWorkItemUseCase ingest;
    private final GetWorkItemQuery query;
    private final WorkItemUpdater updater;
    private final SaveWorkItemPort save;
    private final AppendEventsPort events;
    private final TransactionPort transactions;
    private final Clock clock;
    private final Duration retryBase;
    private final ApprovalGate gate;
    private final Map<String, Built> built = new ConcurrentHashMap<>();

    /** An adapter built from a stored configuration version, or why it could not be. */
    private record Built(long version, Connector connector, String error) {
    }

    public ConnectorService(ConnectorRegistryPort registry, ConnectorConfigPort configs, List<SourceAdapterProvider> providers,
                            ConnectorStatePort state, IngestWorkItemUseCase ingest, GetWorkItemQuery query, WorkItemUpdater updater,
                            SaveWorkItemPort save, AppendEventsPort events, TransactionPort transactions, Clock clock,
                            Duration retryBase) {
        this(registry, configs, providers, state, ingest, query, updater, save, events, transactions, clock, retryBase, null);
    }

    /** @param gate maker-checker for connector credentials; null where it does not apply */
    public ConnectorService(ConnectorRegistryPort registry, ConnectorConfigPort configs, List<SourceAdapterProvider> providers,
                            ConnectorStatePort state, IngestWorkItemUseCase ingest, GetWorkItemQuery query, WorkItemUpdater updater,
                            SaveWorkItemPort save, AppendEventsPort events, TransactionPort transactions, Clock clock,
                            Duration retryBase, ApprovalGate gate) {
        this.gate = gate;
        this.registry = registry;
        this.configs = configs;
        this.providers = providers.stream().collect(Collectors.toMap(SourceAdapterProvider::type, Function.identity()));
        this.state = state;
        this.ingest = ingest;
        this.query = query;
        this.updater = updater;
        this.save = save;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.retryBase = retryBase;
    }

    /** The tenant's runnable connectors: the deployment's for that tenant, then the tenant's enabled ones that could be built. */
    public List<Connector> connectors(TenantId tenant) {
        List<Connector> all = new ArrayList<>(deploymentConnectors(tenant));
        for (ConnectorConfigPort.Stored stored : transactions.readOnly(tenant, configs::all)) {
            Built b = build(stored);
            if (stored.tenant().equals(tenant) && stored.config().enabled() && b.connector() != null) {
                all.add(b.connector());
            }
        }
        return all;
    }

    /** The tenant's connectors configured by the deployment (not stored through the API). */
    public List<Connector> deploymentConnectors(TenantId tenant) {
        return registry.connectors().stream().filter(c -> c.tenant().equals(tenant)).toList();
    }

    /**
     * Records the source system of each stored configuration saved before it was recorded (run at start), so their
     * completions queue write-backs; one that cannot be built now stays unrecorded until it is saved again.
     */
    @Override
    public int recordSourceSystems() {
        int recorded = 0;
        for (ConnectorConfigPort.Stored stored : transactions.readAcrossTenants(configs::lackingSourceSystem)) {
            Connector connector = create(stored).connector();
            if (connector != null) {
                transactions.inTransaction(stored.tenant(), () -> {
                    configs.recordSourceSystem(stored.tenant(), stored.config().id(), connector.adapter().system());
                    return null;
                });
                recorded++;
            }
        }
        return recorded;
    }

    /** Every runnable connector: the deployment's, then the tenants' enabled ones that could be built. */
    public List<Connector> connectors() {
        List<Connector> all = new ArrayList<>(registry.connectors());
        for (ConnectorConfigPort.Stored stored : transactions.readAcrossTenants(configs::all)) {
            Built b = build(stored);
            if (stored.config().enabled() && b.connector() != null) {
                all.add(b.connector());
            }
        }
        return all;
    }

    private Built build(ConnectorConfigPort.Stored stored) {
        String key = stored.tenant().value() + "/" + stored.config().id();
        Built cached = built.get(key);
        if (cached != null && cached.version() == stored.config().version()) {
            return cached;
        }
        Built fresh = create(stored);
        built.put(key, fresh);
        return fresh;
    }

    private Built create(ConnectorConfigPort.Stored stored) {
        Built fresh;
        try {
            ConnectorConfig c = stored.config();
            Map<String, String> options = new HashMap<>(c.options());
            stored.secrets().forEach((name, value) -> options.put(name, resolve(name, value)));
            SourceAdapterProvider provider = providers.get(c.type());
            if (provider == null) {
                throw new IllegalArgumentException("no adapter of type " + c.type());
            }
            fresh = new Built(c.version(), new Connector(c.id(), c.type(), stored.tenant(),
                    provider.create(new ConnectorSettings(c.id(), stored.tenant(), c.type(), c.baseUrl(), options)), c.pageSize(),
                    c.interval()), null);
        } catch (IllegalArgumentException e) {
            fresh = new Built(stored.config().version(), null, e.getMessage());
        }
        return fresh;
    }

    /** {@code env:NAME} reads the environment variable NAME; anything else is the value. */
    private static String resolve(String name, String value) {
        if (value.startsWith("env:")) {
            String resolved = System.getenv(value.substring(4));
            if (resolved == null) {
                throw new IllegalArgumentException("secret " + name + " refers to the environment variable " + value.substring(4)
                        + ", which is not set");
            }
            return resolved;
        }
        return value;
    }

    private Connector find(TenantId tenant, String name) {
        return connectors().stream().filter(c -> c.tenant().equals(tenant) && c.name().equals(name)).findFirst()
                .orElseThrow(() -> {
                    Optional<ConnectorConfigPort.Stored> stored = transactions.readOnly(tenant, () -> configs.find(tenant, name));
                    if (stored.isPresent() && !stored.get().config().enabled()) {
                        return new InvalidConnectorException("enabled", "connector " + name + " is disabled");
                    }
                    if (stored.isPresent()) {
                        return new InvalidConnectorException("options", "connector " + name + " cannot run: " + build(stored.get()).error());
                    }
                    return new ConnectorNotFoundException(name);
                });
    }

    @Override
    public int syncAll() {
        int synced = 0;
        for (Connector connector : connectors()) {
            Instant now = clock.instant();
            Optional<String> leased = transactions.inTransaction(connector.tenant(), () -> state.leaseIfDue(connector.tenant(), connector.name(),
                    connector.type(), connector.adapter().system(), now, LEASE, connector.interval()));
            if (leased.isPresent()) {
                sync(connector, leased.get(), "SCHEDULE");
                synced++;
            }
        }
        return synced;
    }

    @Override
    public ConnectorStatus syncNow(TenantId tenant, String name) {
        Connector connector = find(tenant, name);
        Instant now = clock.instant();
        Optional<String> leased = transactions.inTransaction(tenant, () -> state.lease(tenant, name, connector.type(),
                connector.adapter().system(), now, LEASE));
        if (leased.isPresent()) {
            sync(connector, leased.get(), "MANUAL");
        } else {
            awaitRunningSync(tenant, name);
        }
        return list(tenant).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new ConnectorNotFoundException(name));
    }

    /** Another node (or the schedule) is syncing the connector: wait up to a minute for its run to end, then report. */
    private void awaitRunningSync(TenantId tenant, String name) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            boolean running = transactions.readOnly(tenant, () -> state.runs(tenant, name, 1)).stream()
                    .anyMatch(run -> run.status().equals("RUNNING"));
            if (!running) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Counts of one run. */
    private static final class Tally {
        int pages;
        int fetched;
        int created;
        int updated;
        int unchanged;
        int closed;
        int failed;
    }

    private void sync(Connector connector, String storedCursor, String trigger) {
        UUID runId = UUID.randomUUID();
        Instant started = clock.instant();
        transactions.inTransaction(connector.tenant(), () -> {
            state.startRun(connector.tenant(), connector.name(), new ConnectorRun(runId, trigger, started, null, "RUNNING",
                    0, 0, 0, 0, 0, 0, 0, null));
            return null;
        });
        Tally tally = new Tally();
        Cursor cursor = new Cursor(storedCursor);
        Actor actor = new Actor("connector:" + connector.name(), true);
        String error = null;
        try {
            for (int page = 0; page < MAX_PAGES_PER_ROUND; page++) {
                PullResult result = pullWithRetries(connector, cursor);
                tally.pages++;
                tally.fetched += result.commands().size() + result.closures().size() + result.rejections().size();
                ConnectorStatePort.Progress progress = apply(connector, result, actor, tally);
                Cursor next = result.next();
                transactions.inTransaction(connector.tenant(), () -> {
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
            error = e.getMessage();
            HealthReport health = connector.adapter().health();
            String status = health.status() == HealthReport.Status.UP ? HealthReport.Status.DEGRADED.name() : health.status().name();
            finish(connector, status, e.getMessage(), false, e.retryAfter().orElse(null));
        } catch (RuntimeException e) {
            error = "sync failed: " + e;
            finish(connector, HealthReport.Status.DEGRADED.name(), error, false);
            throw e;
        } finally {
            String message = error;
            transactions.inTransaction(connector.tenant(), () -> {
                state.finishRun(connector.tenant(), new ConnectorRun(runId, trigger, started, clock.instant(),
                        message == null ? "SUCCEEDED" : "FAILED", tally.pages, tally.fetched, tally.created, tally.updated,
                        tally.unchanged, tally.closed, tally.failed, message));
                return null;
            });
        }
    }

    /**
     * A page, tried {@value #PAGE_ATTEMPTS} times with exponential backoff and full jitter between attempts; a source
     * that said when to come back is waited for (up to {@link #LONGEST_WAIT_IN_ROUND}; longer, the round ends and the
     * circuit stays open that long), and refused credentials are not tried again in the round.
     */
    private PullResult pullWithRetries(Connector connector, Cursor cursor) {
        for (int attempt = 1; ; attempt++) {
            try {
                return connector.adapter().pull(cursor, connector.pageSize());
            } catch (SourceUnavailableException e) {
                Duration asked = e.retryAfter().orElse(Duration.ZERO);
                if (attempt == PAGE_ATTEMPTS || !e.retryable() || asked.compareTo(LONGEST_WAIT_IN_ROUND) > 0) {
                    throw e;
                }
                long ceiling = retryBase.toMillis() << (attempt - 1);
                try {
                    Thread.sleep(Math.max(asked.toMillis(), ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void finish(Connector connector, String health, String reason, boolean success) {
        finish(connector, health, reason, success, null);
    }

    /** @param retryAfter how long the source asked to be left alone: the circuit stays open at least that long */
    private void finish(Connector connector, String health, String reason, boolean success, Duration retryAfter) {
        transactions.inTransaction(connector.tenant(), () -> {
            Duration openFor = null;
            if (!success) {
                int failures = state.consecutiveFailures(connector.tenant(), connector.name()) + 1;
                if (failures >= BREAKER_THRESHOLD) {
                    long minutes = Math.min(30, 1L << Math.min(5, failures - BREAKER_THRESHOLD));
                    openFor = Duration.ofMinutes(minutes);
                }
                if (retryAfter != null && (openFor == null || retryAfter.compareTo(openFor) > 0)) {
                    openFor = retryAfter;
                }
            }
            state.finish(connector.tenant(), connector.name(), health, reason, success, clock.instant(), openFor);
            return null;
        });
    }

    private ConnectorStatePort.Progress apply(Connector connector, PullResult result, Actor actor, Tally tally) {
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
        if (!rejections.isEmpty()) {
            transactions.inTransaction(tenant, () -> {
                state.reject(tenant, connector.name(), rejections);
                return null;
            });
        }
        tally.created += (int) created;
        tally.updated += (int) updated;
        tally.unchanged += (int) duplicates;
        tally.closed += (int) closed;
        tally.failed += rejections.size();
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

    @Override
    public List<ConnectorStatus> list(TenantId tenant) {
        List<ConnectorStatus> stored = transactions.readOnly(tenant, () -> state.list(tenant));
        List<ConnectorStatus> all = new ArrayList<>();
        for (Connector connector : registry.connectors()) {
            if (connector.tenant().equals(tenant)) {
                all.add(withLiveHealth(stored(stored, connector.name(), connector.type(), connector.adapter().system()),
                        connector.adapter().health()));
            }
        }
        for (ConnectorConfigPort.Stored config : transactions.readOnly(tenant, configs::all)) {
            if (!config.tenant().equals(tenant)) {
                continue;
            }
            Built b = build(config);
            ConnectorStatus status = stored(stored, config.config().id(), config.config().type(),
                    b.connector() == null ? "" : b.connector().adapter().system());
            if (b.connector() == null) {
                status = health(status, "DOWN", b.error());
            } else if (!config.config().enabled()) {
                status = health(status, "DISABLED", null);
            } else {
                status = withLiveHealth(status, b.connector().adapter().health());
            }
            all.add(status);
        }
        return all;
    }

    private static ConnectorStatus stored(List<ConnectorStatus> stored, String name, String type, String system) {
        return stored.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElse(new ConnectorStatus(name, type, system, "NEVER_RUN", null, "", null, null, 0, 0, 0, 0, 0, null));
    }

    private static ConnectorStatus health(ConnectorStatus s, String health, String reason) {
        return new ConnectorStatus(s.name(), s.type(), s.system(), health, reason, s.cursor(), s.lastRunAt(), s.lastSuccessAt(),
                s.itemsCreated(), s.itemsUpdated(), s.itemsClosed(), s.duplicates(), s.rejected(), s.circuitOpenUntil());
    }

    /** The adapter's own view wins when it is newer than the last sync (a write-back reached the source since). */
    private static ConnectorStatus withLiveHealth(ConnectorStatus status, HealthReport live) {
        if (status.lastRunAt() == null || live == null || live.checkedAt() == null || !live.checkedAt().isAfter(status.lastRunAt())) {
            return status;
        }
        return health(status, live.status().name(), live.reason());
    }

    @Override
    public List<ConnectorRejection> rejections(TenantId tenant, String name, int limit) {
        requireKnown(tenant, name);
        return transactions.readOnly(tenant, () -> state.rejections(tenant, name, limit));
    }

    @Override
    public List<ConnectorRun> runs(TenantId tenant, String id, int limit) {
        requireKnown(tenant, id);
        return transactions.readOnly(tenant, () -> state.runs(tenant, id, limit));
    }

    private void requireKnown(TenantId tenant, String name) {
        boolean configured = registry.connectors().stream().anyMatch(c -> c.tenant().equals(tenant) && c.name().equals(name))
                || transactions.readOnly(tenant, () -> configs.find(tenant, name)).isPresent();
        if (!configured) {
            throw new ConnectorNotFoundException(name);
        }
    }

    @Override
    public ConnectorConfig config(TenantId tenant, String id) {
        return transactions.readOnly(tenant, () -> configs.find(tenant, id)).map(ConnectorConfigPort.Stored::config)
                .orElseThrow(() -> new ConnectorNotFoundException(id));
    }

    @Override
    public ConnectorConfig configure(TenantId tenant, String id, ConnectorConfigChange change, String actor) {
        return configure(tenant, id, change, actor, false);
    }

    /** The approved change of credentials, in the approval's transaction, in the maker's name. */
    public String configureApproved(TenantId tenant, String id, ConnectorConfigChange change, String maker) {
        ConnectorConfig config = configure(tenant, id, change, maker, true);
        return "connector " + id + " v" + config.version() + " saved with new credentials";
    }

    private ConnectorConfig configure(TenantId tenant, String id, ConnectorConfigChange change, String actor, boolean approved) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidConnectorException("id", "a connector id is 1-63 lower-case letters, digits or dashes");
        }
        if (registry.connectors().stream().anyMatch(c -> c.tenant().equals(tenant) && c.name().equals(id))) {
            throw new InvalidConnectorException("id", "connector " + id + " is defined in the deployment's settings");
        }
        if (change.type() == null || !providers.containsKey(change.type())) {
            throw new InvalidConnectorException("type", "type must be one of " + providers.keySet().stream().sorted().toList());
        }
        URI baseUrl;
        try {
            baseUrl = change.baseUrl() == null ? null : URI.create(change.baseUrl());
        } catch (IllegalArgumentException e) {
            baseUrl = null;
        }
        if (baseUrl == null || baseUrl.getHost() == null || !(baseUrl.getScheme().equals("https") || baseUrl.getScheme().equals("http"))) {
            throw new InvalidConnectorException("baseUrl", "baseUrl must be an absolute http(s) URL");
        }
        int pageSize = change.pageSize() == null ? 100 : change.pageSize();
        if (pageSize < 1 || pageSize > 1000) {
            throw new InvalidConnectorException("pageSize", "pageSize must be between 1 and 1000");
        }
        int interval = change.intervalSeconds() == null ? 300 : change.intervalSeconds();
        if (interval < 30 || interval > 86_400) {
            throw new InvalidConnectorException("intervalSeconds", "intervalSeconds must be between 30 and 86400");
        }
        Map<String, String> options = change.options() == null ? Map.of() : change.options();
        for (Map.Entry<String, String> option : options.entrySet()) {
            String name = option.getKey();
            if (ConnectorConfig.SECRET_OPTIONS.contains(name) || SECRET_LIKE.matcher(name).find()) {
                throw new InvalidConnectorException("options." + name, name + " looks like a secret: send it under secrets ("
                        + ConnectorConfig.SECRET_OPTIONS.stream().sorted().toList() + "), which are stored encrypted and never shown");
            }
            if (option.getValue() == null) {
                throw new InvalidConnectorException("options." + name, "an option needs a text value");
            }
        }
        Map<String, String> requested = change.secrets() == null ? Map.of() : change.secrets();
        for (String name : requested.keySet()) {
            if (!ConnectorConfig.SECRET_OPTIONS.contains(name)) {
                throw new InvalidConnectorException("secrets." + name, "secrets may hold only " + ConnectorConfig.SECRET_OPTIONS.stream().sorted().toList());
            }
        }
        if (!approved && !requested.isEmpty() && gate != null && gate.settings(tenant).requires(ApprovalKind.CONNECTOR_CREDENTIALS)) {
            throw gate.hold(tenant, ApprovalKind.CONNECTOR_CREDENTIALS, "connector " + id,
                    "set credentials " + requested.keySet().stream().sorted().toList() + " of connector " + id + " (" + change.type() + ", "
                            + baseUrl + ")", ConnectorChanges.toParameters(id, change), actor);
        }
        URI url = baseUrl;
        return transactions.inTransaction(tenant, () -> {
            Optional<ConnectorConfigPort.Stored> existing = configs.find(tenant, id);
            Map<String, String> secrets = new HashMap<>(existing.map(ConnectorConfigPort.Stored::secrets).orElse(Map.of()));
            requested.forEach((name, value) -> {
                if (value == null || value.isEmpty()) {
                    secrets.remove(name);
                } else {
                    secrets.put(name, value);
                }
            });
            long version = existing.map(s -> s.config().version() + 1).orElse(1L);
            ConnectorConfig config = new ConnectorConfig(id, change.type(), url, pageSize, Duration.ofSeconds(interval),
                    change.enabled() == null || change.enabled(), options, secrets.keySet(), version, clock.instant(), actor);
            Built check = create(new ConnectorConfigPort.Stored(tenant, config, secrets));
            if (check.connector() == null) {
                throw new InvalidConnectorException("options", check.error());
            }
            String system = check.connector().adapter().system();
            // Items are keyed by (source system, record id) and written back to the system's connector: two connectors
            // of one system in a tenant would overwrite each other's items and send write-backs to the wrong one.
            List<String> sameSystem = new ArrayList<>(deploymentConnectors(tenant).stream()
                    .filter(c -> c.adapter().system().equals(system)).map(Connector::name).toList());
            for (ConnectorConfigPort.Stored other : configs.all()) {
                if (other.tenant().equals(tenant) && !other.config().id().equals(id)) {
                    Connector built = create(other).connector();
                    if (built != null && built.adapter().system().equals(system)) {
                        sameSystem.add(other.config().id());
                    }
                }
            }
            if (!sameSystem.isEmpty()) {
                throw new InvalidConnectorException("type", "connector " + sameSystem.get(0) + " already serves source system " + system
                        + " in this tenant; change that connector instead (one connector per source system)");
            }
            configs.save(tenant, config, secrets, system);
            return config;
        });
    }
}
