package health.ordo.application.port.out.connector;

import health.ordo.spi.plugin.SourceAdapterProvider;

import java.util.List;

/** The connector types this deployment can run: Ordo's own and those of the plug-ins found at start-up. */
public interface InstalledConnectorTypesPort {

    List<Installed> installed();

    /**
     * @param origin {@link #BUILT_IN}, or the plug-in (its jar or folder name) that brought the type
     */
    record Installed(SourceAdapterProvider provider, String origin) {
    }

    String BUILT_IN = "built-in";

    default List<SourceAdapterProvider> providers() {
        return installed().stream().map(Installed::provider).toList();
    }
}
