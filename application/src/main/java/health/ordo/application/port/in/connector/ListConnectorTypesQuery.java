package health.ordo.application.port.in.connector;

import health.ordo.spi.plugin.SettingDescriptor;

import java.util.List;

/** The connector types a tenant administrator can configure connectors of, with the settings each takes. */
public interface ListConnectorTypesQuery {

    List<ConnectorType> connectorTypes();

    /** @param origin {@code built-in}, or the plug-in that brought the type */
    record ConnectorType(String type, String description, String origin, List<SettingDescriptor> settings) {
    }
}
