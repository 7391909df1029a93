package health.ordo.application.service.connector;

import health.ordo.application.port.in.claims.IngestRemittanceUseCase;
import health.ordo.application.port.in.connector.ConnectorConfig;
import health.ordo.application.port.in.connector.ConnectorConfigChange;
import health.ordo.application.port.in.connector.ConnectorNotFoundException;
import health.ordo.application.port.in.connector.ConnectorRejection;
import health.ordo.application.port.in.connector.ConnectorRun;
import health.ordo.application.port.in.connector.ConnectorStatus;
import health.ordo.application.port.in.connector.ConnectorUseCase;
import health.ordo.application.port.in.workitem.GetWorkItemQuery;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.application.port.out.connector.ConnectorConfigPort;
import health.ordo.application.port.out.connector.ConnectorRegistryPort.Connector;
import health.ordo.application.port.out.connector.ConnectorStatePort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.workitem.AppendEventsPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.application.service.approval.ApprovalGate;
import health.ordo.application.service.workitem.WorkItemUpdater;
import health.ordo.application.port.in.intake.IntakeDocumentsUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.spi.HealthReport;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.ExecutorService;

/**
 * The connector use cases over their four parts: the {@link ConnectorCatalogue} (which connectors exist, built),
 * {@link ConnectorConfiguration} (tenants' configurations and their validation), the {@link ConnectorSyncRunner} (rounds,
 * retries, circuit breaker) and {@link SourceReconciliation} (what a pulled page changes in Ordo); here only the status
 * reports that combine them.
 */
public final class ConnectorService implements ConnectorUseCase {

    private final ConnectorCatalogue catalogue;
    private final ConnectorConfiguration configuration;
    private final ConnectorSyncRunner runner;
    private final ConnectorStatePort state;
    private final TransactionPort transactions;

    /** What the connector runtime is made of, from the outside. */
    public record Parts(ConnectorStatePort state, IngestWorkItemUseCase ingest, GetWorkItemQuery query, WorkItemUpdater updater,
                        SaveWorkItemPort save, AppendEventsPort events, TransactionPort transactions, Clock clock,
                        Supplier<IntakeDocumentsUseCase> intake, Supplier<IngestRemittanceUseCase> remittances) {
    }

    /**
     * @param retryBase the first backoff between attempts at a page
     * @param executor  runs each connector's scheduled sync on its own task
     * @param roundWait how long a scheduled round waits for its syncs before the next round may start
     * @param gate      maker-checker for connector credentials; null where it does not apply
     */
    public ConnectorService(ConnectorCatalogue catalogue, Parts parts, Duration retryBase, ExecutorService executor, Duration roundWait,
                            ApprovalGate gate) {
        this.catalogue = catalogue;
        this.state = parts.state();
        this.transactions = parts.transactions();
        this.configuration = new ConnectorConfiguration(catalogue, parts.transactions(), parts.clock(), gate);
        SourceReconciliation reconciliation = new SourceReconciliation(parts.state(), parts.ingest(), parts.query(), parts.updater(),
                parts.save(), parts.events(), parts.transactions(), parts.clock(), parts.remittances());
        this.runner = new ConnectorSyncRunner(catalogue, reconciliation, new ConnectorDocuments(parts.intake()), parts.state(),
                parts.transactions(), parts.clock(), retryBase, executor, roundWait);
    }

    /** The tenant's runnable connectors: the deployment's for that tenant, then the tenant's enabled ones that could be built. */
    public List<Connector> connectors(TenantId tenant) {
        return catalogue.connectors(tenant);
    }

    /** The tenant's connectors configured by the deployment (not stored through the API). */
    public List<Connector> deploymentConnectors(TenantId tenant) {
        return catalogue.deploymentConnectors(tenant);
    }

    @Override
    public int recordSourceSystems() {
        return catalogue.recordSourceSystems();
    }

    @Override
    public int syncAll() {
        return runner.syncAll();
    }

    @Override
    public ConnectorStatus syncNow(TenantId tenant, String name) {
        runner.syncNow(tenant, name);
        return list(tenant).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new ConnectorNotFoundException(name));
    }

    @Override
    public List<ConnectorStatus> list(TenantId tenant) {
        List<ConnectorStatus> stored = transactions.readOnly(tenant, () -> state.list(tenant));
        List<ConnectorStatus> all = new ArrayList<>();
        for (Connector connector : catalogue.deploymentConnectors(tenant)) {
            all.add(withLiveHealth(stored(stored, connector.name(), connector.type(), connector.adapter().system()),
                    connector.adapter().health()));
        }
        for (ConnectorConfigPort.Stored config : transactions.readOnly(tenant, catalogue.configs()::all)) {
            if (!config.tenant().equals(tenant)) {
                continue;
            }
            ConnectorCatalogue.Built b = catalogue.build(config);
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
        if (!catalogue.known(tenant, name)) {
            throw new ConnectorNotFoundException(name);
        }
    }

    @Override
    public ConnectorConfig config(TenantId tenant, String id) {
        return configuration.config(tenant, id);
    }

    @Override
    public ConnectorConfig configure(TenantId tenant, String id, ConnectorConfigChange change, String actor) {
        return configuration.configure(tenant, id, change, actor, false);
    }

    /** The approved change of credentials, in the approval's transaction, in the maker's name. */
    public String configureApproved(TenantId tenant, String id, ConnectorConfigChange change, String maker) {
        return configuration.configureApproved(tenant, id, change, maker);
    }
}
