package health.ordo.adapter.erp.sap;

import health.ordo.spi.http.Auth;
import health.ordo.adapter.erp.http.ErpHttp;
import health.ordo.adapter.erp.http.SupplierCriticality;
import health.ordo.spi.plugin.ConnectorSettings;
import health.ordo.spi.plugin.SourceAdapterProvider;
import health.ordo.spi.plugin.SettingDescriptor;
import health.ordo.spi.SourceAdapter;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Connector type {@code sap-s4hana-payment-blocks}. Options: {@code auth} ({@code basic} per SAP's published security
 * scheme, or OAuth, see {@link Auth#fromOptions}), {@code block-reasons} ({@code A:Blocked for payment,R:Invoice verification},
 * the customer's own blocking keys), {@code release-resolutions} (default {@code RELEASED,APPROVED,CORRECTED}: the
 * resolutions that release the block; any other, e.g. {@code REJECTED}, leaves the invoice blocked), and the supplier criticality lists of {@link SupplierCriticality}.
 */
@Singleton
class SapProvider implements SourceAdapterProvider {

    private final Clock clock;

    SapProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String type() {
        return "sap-s4hana-payment-blocks";
    }

    @Override
    public String description() {
        return "SAP S/4HANA supplier invoices blocked for payment in, block releases written back";
    }

    @Override
    public java.util.List<SettingDescriptor> settings() {
        java.util.List<SettingDescriptor> settings = new java.util.ArrayList<>(SettingDescriptor.auth());
        settings.add(SettingDescriptor.optional("block-reasons", "the customer's payment block keys, e.g. A:Blocked for payment,R:Invoice verification"));
        settings.add(SettingDescriptor.optional("release-resolutions", "resolutions that release the block, default RELEASED,APPROVED,CORRECTED"));
        settings.addAll(SupplierCriticality.settings());
        return settings;
    }

    @Override
    public SourceAdapter create(ConnectorSettings settings) {
        Map<String, String> reasons = Arrays.stream(settings.option("block-reasons").orElse("").split(","))
                .map(String::strip).filter(s -> s.contains(":"))
                .collect(Collectors.toMap(s -> s.substring(0, s.indexOf(':')).strip(), s -> s.substring(s.indexOf(':') + 1).strip(), (a, b) -> a));
        return new SapSupplierInvoicePaymentBlocks(settings.baseUrl(), ErpHttp.of(settings, clock),
                SupplierCriticality.from(settings), reasons, ErpHttp.releasingResolutions(settings));
    }
}
