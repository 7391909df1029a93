package health.ordo.application.port.out.connector;

import health.ordo.spi.SourceAdapter;

/** Creates SPI adapters of one type from their configuration; each adapter module contributes one per adapter it ships. */
public interface SourceAdapterProvider {

    /** The type name used in configuration, e.g. {@code oracle-fusion-invoice-holds}. */
    String type();

    /** @throws IllegalArgumentException naming the setting that is missing or wrong */
    SourceAdapter create(ConnectorSettings settings);
}
