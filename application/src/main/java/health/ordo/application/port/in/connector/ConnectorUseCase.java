package health.ordo.application.port.in.connector;

import health.ordo.domain.shared.TenantId;

import java.util.List;

/** Runs the configured connectors and reports on them. */
public interface ConnectorUseCase {

    /** One round over every connector this node can lease; returns how many connectors were synced. */
    int syncAll();

    /**
     * At start: records the source system of stored connectors saved before it was recorded (their completions'
     * write-backs depend on it); returns how many were recorded.
     */
    int recordSourceSystems();

    /**
     * Syncs one connector now (an admin's "sync now").
     *
     * @throws ConnectorNotFoundException when the tenant has no such connector
     */
    ConnectorStatus syncNow(TenantId tenant, String name);

    List<ConnectorStatus> list(TenantId tenant);

    /** The connector's rejected records, newest first. */
    List<ConnectorRejection> rejections(TenantId tenant, String name, int limit);

    /**
     * Creates or replaces a connector of the tenant; the adapter is built once to check the settings.
     *
     * @throws InvalidConnectorException naming the field at fault
     */
    ConnectorConfig configure(TenantId tenant, String id, ConnectorConfigChange change, String actor);

    /** @throws ConnectorNotFoundException when the tenant has no such connector */
    ConnectorConfig config(TenantId tenant, String id);

    /** The connector's sync runs, newest first. */
    List<ConnectorRun> runs(TenantId tenant, String id, int limit);
}
