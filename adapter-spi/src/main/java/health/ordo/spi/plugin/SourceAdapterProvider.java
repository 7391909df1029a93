package health.ordo.spi.plugin;

import health.ordo.spi.SourceAdapter;

import java.util.List;

/**
 * Creates the source adapters of one connector type from a connector's settings. Ordo's own adapter modules contribute
 * theirs; a partner's jar contributes its own by naming its implementation in
 * {@code META-INF/services/health.ordo.spi.plugin.SourceAdapterProvider} and being dropped into Ordo's plug-in folder
 * ({@code ordo.plugins.dir}, default {@code plugins/}), where {@link java.util.ServiceLoader} finds it at start-up.
 * An implementation needs a public no-argument constructor and must keep no state between {@link #create} calls.
 */
public interface SourceAdapterProvider {

    /** The type name connectors are configured with, e.g. {@code oracle-fusion-invoice-holds}; unique in a deployment. */
    String type();

    /** @throws IllegalArgumentException naming the setting that is missing or wrong */
    SourceAdapter create(ConnectorSettings settings);

    /** One sentence: the source system and the work it brings in. */
    default String description() {
        return "";
    }

    /** The options (and secrets) a connector of this type takes, for administrators and the API that lists types. */
    default List<SettingDescriptor> settings() {
        return List.of();
    }

    /**
     * Whether a connector of this type reaches its source at a base URL (checked against the deployment's outbound
     * policy). A type that reads from the deployment's own storage (a scan folder) takes none, and a connector of it that
     * names one is refused.
     */
    default boolean usesBaseUrl() {
        return true;
    }
}
