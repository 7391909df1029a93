package health.ordo.application.service.connector;

import health.ordo.application.port.in.connector.ListConnectorTypesQuery;
import health.ordo.application.port.out.connector.InstalledConnectorTypesPort;

import java.util.Comparator;
import java.util.List;

/** Lists the installed connector types, built-in ones first, each by name. */
public final class ConnectorTypesService implements ListConnectorTypesQuery {

    private final InstalledConnectorTypesPort installed;

    public ConnectorTypesService(InstalledConnectorTypesPort installed) {
        this.installed = installed;
    }

    @Override
    public List<ConnectorType> connectorTypes() {
        return installed.installed().stream()
                .map(i -> new ConnectorType(i.provider().type(), i.provider().description(), i.origin(), List.copyOf(i.provider().settings())))
                .sorted(Comparator.comparing((ConnectorType t) -> !t.origin().equals(InstalledConnectorTypesPort.BUILT_IN))
                        .thenComparing(ConnectorType::type))
                .toList();
    }
}
