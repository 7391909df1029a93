package health.ordo.application.port.out.connector;

import health.ordo.application.port.in.connector.ConnectorConfig;
import health.ordo.domain.shared.TenantId;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Connector configurations in PostgreSQL; secrets are encrypted by the adapter and handed back only to build adapters. */
public interface ConnectorConfigPort {

    /** A stored configuration with its secrets in clear (or {@code env:NAME} references), for building the adapter only. */
    record Stored(health.ordo.domain.shared.TenantId tenant, ConnectorConfig config, Map<String, String> secrets) {
    }

    /**
     * Inserts or replaces (version + 1); {@code sourceSystem} is the system its adapter serves, which decides the
     * completions whose write-back it takes ({@link health.ordo.application.port.out.writeback.WriteBackOutboxPort#enqueueIfConnector}).
     */
    void save(TenantId tenant, ConnectorConfig config, Map<String, String> secrets, String sourceSystem);

    /** Across tenants: the configurations saved before their source system was recorded. */
    List<Stored> lackingSourceSystem();

    void recordSourceSystem(TenantId tenant, String id, String sourceSystem);

    Optional<Stored> find(TenantId tenant, String id);

    List<Stored> all();
}
