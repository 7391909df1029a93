package health.ordo.adapter.erp.oracle;

import health.ordo.spi.http.Auth;
import health.ordo.adapter.erp.http.ErpHttp;
import health.ordo.adapter.erp.http.SupplierCriticality;
import health.ordo.spi.plugin.ConnectorSettings;
import health.ordo.spi.plugin.SourceAdapterProvider;
import health.ordo.spi.plugin.SettingDescriptor;
import java.util.ArrayList;
import java.util.List;
import health.ordo.spi.SourceAdapter;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Connector type {@code oracle-fusion-invoice-holds}. Options: {@code auth} ({@code basic} with {@code username} and
 * {@code password}, or {@code bearer} / OAuth, see {@link Auth#fromOptions}), {@code release-resolutions} (default
 * {@code RELEASED,APPROVED,CORRECTED}), {@code release-name} (default {@code Invoice Quick Released}) and
 * {@code release-name.<RESOLUTION>}, and the supplier criticality lists of {@link SupplierCriticality}.
 */
@Singleton
class OracleFusionProvider implements SourceAdapterProvider {

    private final Clock clock;

    OracleFusionProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String type() {
        return "oracle-fusion-invoice-holds";
    }

    @Override
    public String description() {
        return "Oracle Fusion Cloud Payables: invoices on hold in, hold releases written back";
    }

    @Override
    public List<SettingDescriptor> settings() {
        List<SettingDescriptor> settings = new ArrayList<>(SettingDescriptor.auth());
        settings.add(SettingDescriptor.optional("release-resolutions", "resolutions that release the hold, default RELEASED,APPROVED,CORRECTED"));
        settings.add(SettingDescriptor.optional("release-name", "the hold release name used, default Invoice Quick Released"));
        settings.add(SettingDescriptor.optional("release-name.<RESOLUTION>", "the release name for one resolution"));
        settings.addAll(SupplierCriticality.settings());
        return settings;
    }

    @Override
    public SourceAdapter create(ConnectorSettings settings) {
        Set<String> releasing = ErpHttp.releasingResolutions(settings);
        Map<String, String> names = new HashMap<>();
        settings.option("release-name").ifPresent(name -> names.put("*", name));
        settings.options().forEach((key, value) -> {
            if (key.startsWith("release-name.")) {
                names.put(key.substring("release-name.".length()), value);
            }
        });
        return new OracleFusionInvoiceHolds(settings.baseUrl(), ErpHttp.of(settings, clock),
                SupplierCriticality.from(settings), releasing, names);
    }
}
