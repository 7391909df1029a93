package health.ordo.bootstrap.connector;

import health.ordo.application.port.out.connector.ConnectorRegistryPort;
import health.ordo.spi.plugin.ConnectorSettings;
import health.ordo.spi.plugin.SourceAdapterProvider;
import health.ordo.application.port.out.connector.InstalledConnectorTypesPort;
import health.ordo.domain.shared.TenantId;
import health.ordo.spi.http.OutboundChannel;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The deployment's connectors, built once at start-up; a connector with an unknown type or missing settings stops the start. */
@Singleton
class ConfiguredConnectors implements ConnectorRegistryPort {

    private final List<Connector> connectors;

    ConfiguredConnectors(List<ConnectorProperties> properties, InstalledConnectorTypesPort types, OutboundChannel http) {
        Map<String, SourceAdapterProvider> byType = types.providers().stream()
                .collect(Collectors.toMap(SourceAdapterProvider::type, Function.identity()));
        List<Connector> built = new ArrayList<>();
        for (ConnectorProperties p : properties) {
            String where = "ordo.connectors." + p.getName();
            SourceAdapterProvider provider = byType.get(p.getType());
            if (provider == null) {
                throw new IllegalStateException(where + ".type must be one of " + byType.keySet() + ", not " + p.getType());
            }
            if (p.getTenant() == null || p.getBaseUrl() == null) {
                throw new IllegalStateException(where + ".tenant and " + where + ".base-url are required");
            }
            if (p.getPageSize() < 1 || p.getPageSize() > 1000) {
                throw new IllegalStateException(where + ".page-size must be between 1 and 1000");
            }
            TenantId tenant = TenantId.of(p.getTenant());
            ConnectorSettings settings = new ConnectorSettings(p.getName(), tenant.value(), p.getType(),
                    URI.create(p.getBaseUrl()), p.getOptions(), http);
            built.add(new Connector(p.getName(), p.getType(), tenant, provider.create(settings), p.getPageSize(),
                    java.time.Duration.ofSeconds(Math.max(30, p.getIntervalSeconds()))));
        }
        this.connectors = List.copyOf(built);
    }

    @Override
    public List<Connector> connectors() {
        return connectors;
    }
}
