package health.ordo.application.service.connector;

import health.ordo.application.port.in.connector.ConnectorConfig;
import health.ordo.application.port.in.connector.ConnectorNotFoundException;
import health.ordo.application.port.in.connector.InvalidConnectorException;
import health.ordo.application.port.out.connector.ConnectorConfigPort;
import health.ordo.application.port.out.connector.ConnectorRegistryPort;
import health.ordo.application.port.out.connector.ConnectorRegistryPort.Connector;
import health.ordo.spi.plugin.ConnectorSettings;
import health.ordo.spi.plugin.SourceAdapterProvider;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.shared.TenantId;
import health.ordo.spi.http.OutboundChannel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which connectors exist and their built adapters: the deployment's (from its settings) and the tenants' (stored through the
 * API, built once per configuration version). A stored secret is handed to the adapter as the value it is; nothing a tenant
 * stored is ever looked up in the server's environment, files or properties. Every adapter gets the deployment's guarded
 * outbound channel and no other way out.
 */
public final class ConnectorCatalogue {

    private final ConnectorRegistryPort registry;
    private final ConnectorConfigPort configs;
    private final Map<String, SourceAdapterProvider> providers;
    private final TransactionPort transactions;
    private final OutboundChannel http;
    private final Map<String, Built> built = new ConcurrentHashMap<>();

    /** An adapter built from a stored configuration version, or why it could not be. */
    record Built(long version, Connector connector, String error) {
    }

    public ConnectorCatalogue(ConnectorRegistryPort registry, ConnectorConfigPort configs, List<SourceAdapterProvider> providers,
                              TransactionPort transactions, OutboundChannel http) {
        this.registry = registry;
        this.configs = configs;
        this.providers = providers.stream().collect(Collectors.toMap(SourceAdapterProvider::type, Function.identity()));
        this.transactions = transactions;
        this.http = http;
    }

    OutboundChannel http() {
        return http;
    }

    Set<String> types() {
        return providers.keySet();
    }

    /** Whether connectors of the type reach their source at a base URL (a scan folder reaches none). */
    boolean usesBaseUrl(String type) {
        SourceAdapterProvider provider = providers.get(type);
        return provider == null || provider.usesBaseUrl();
    }

    ConnectorConfigPort configs() {
        return configs;
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

    boolean inDeployment(TenantId tenant, String name) {
        return registry.connectors().stream().anyMatch(c -> c.tenant().equals(tenant) && c.name().equals(name));
    }

    /** Whether the tenant has such a connector, runnable or not. */
    boolean known(TenantId tenant, String name) {
        return inDeployment(tenant, name) || transactions.readOnly(tenant, () -> configs.find(tenant, name)).isPresent();
    }

    /**
     * Records the source system of each stored configuration saved before it was recorded (run at start), so their
     * completions queue write-backs; one that cannot be built now stays unrecorded until it is saved again.
     */
    int recordSourceSystems() {
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

    /**
     * The tenant's runnable connector of that name.
     *
     * @throws ConnectorNotFoundException when the tenant has none
     * @throws InvalidConnectorException  when it is disabled or cannot be built
     */
    Connector find(TenantId tenant, String name) {
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

    Built build(ConnectorConfigPort.Stored stored) {
        String key = stored.tenant().value() + "/" + stored.config().id();
        Built cached = built.get(key);
        if (cached != null && cached.version() == stored.config().version()) {
            return cached;
        }
        Built fresh = create(stored);
        built.put(key, fresh);
        return fresh;
    }

    /** Builds the adapter of a configuration, or says why it cannot be built. */
    Built create(ConnectorConfigPort.Stored stored) {
        ConnectorConfig c = stored.config();
        try {
            Map<String, String> options = new HashMap<>(c.options());
            options.putAll(stored.secrets());
            SourceAdapterProvider provider = providers.get(c.type());
            if (provider == null) {
                throw new IllegalArgumentException("no adapter of type " + c.type());
            }
            return new Built(c.version(), new Connector(c.id(), c.type(), stored.tenant(),
                    provider.create(new ConnectorSettings(c.id(), stored.tenant().value(), c.type(), c.baseUrl(), options, http)), c.pageSize(),
                    c.interval()), null);
        } catch (IllegalArgumentException e) {
            return new Built(c.version(), null, e.getMessage());
        }
    }
}
