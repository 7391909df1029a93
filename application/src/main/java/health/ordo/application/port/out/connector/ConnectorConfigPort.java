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

    /** Inserts or replaces (version + 1). */
    void save(TenantId tenant, ConnectorConfig config, Map<String, String> secrets);

    Optional<Stored> find(TenantId tenant, String id);

    List<Stored> all();
}
