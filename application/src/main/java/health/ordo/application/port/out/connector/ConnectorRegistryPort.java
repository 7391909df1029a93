package health.ordo.application.port.out.connector;

import health.ordo.domain.shared.TenantId;
import health.ordo.spi.SourceAdapter;

import java.util.List;

/** The connectors configured for this deployment: each an SPI adapter bound to one tenant. */
public interface ConnectorRegistryPort {

    /**
     * @param type     the adapter type, e.g. {@code oracle-fusion-invoice-holds}
     * @param pageSize records per pull
     */
    record Connector(String name, String type, TenantId tenant, SourceAdapter adapter, int pageSize) {
    }

    List<Connector> connectors();
}
