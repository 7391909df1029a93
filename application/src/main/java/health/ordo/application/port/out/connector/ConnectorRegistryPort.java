package health.ordo.application.port.out.connector;

import health.ordo.domain.shared.TenantId;
import health.ordo.spi.SourceAdapter;

import java.util.List;

/** The connectors configured in the deployment's settings (connectors configured through the API are stored instead). */
public interface ConnectorRegistryPort {

    /**
     * @param type     the adapter type, e.g. {@code oracle-fusion-invoice-holds}
     * @param pageSize records per pull
     * @param interval how often a scheduled round syncs it
     */
    record Connector(String name, String type, TenantId tenant, SourceAdapter adapter, int pageSize, java.time.Duration interval) {
    }

    List<Connector> connectors();
}
