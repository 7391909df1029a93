package health.ordo.examples.dynamics;

import health.ordo.spi.plugin.ConnectorSettings;
import health.ordo.spi.plugin.SettingDescriptor;
import health.ordo.spi.SourceAdapter;
import health.ordo.spi.plugin.SourceAdapterProvider;
import health.ordo.spi.http.Auth;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Connector type {@code dynamics365-invoice-holds}, registered in
 * {@code META-INF/services/health.ordo.spi.plugin.SourceAdapterProvider}: dropping this module's jar into Ordo's plug-in
 * folder makes the type available, with no change to Ordo. The connector's base URL is the Finance and Operations
 * environment ({@code https://<env>.operations.dynamics.com}); options {@code company} (the legal entity) and the
 * authentication of {@link Auth#fromOptions}, in production {@code oauth-client-credentials} against Microsoft Entra ID
 * ({@code token-url} {@code https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token}, {@code client-id},
 * {@code client-secret}, {@code scope} {@code https://<env>.operations.dynamics.com/.default}).
 */
public final class DynamicsInvoiceHoldProvider implements SourceAdapterProvider {

    @Override
    public String type() {
        return "dynamics365-invoice-holds";
    }

    @Override
    public String description() {
        return "Dynamics 365 Finance vendor invoices on hold in (OData), hold releases written back (example partner plug-in)";
    }

    @Override
    public List<SettingDescriptor> settings() {
        List<SettingDescriptor> settings = new ArrayList<>();
        settings.add(SettingDescriptor.required("company", "the legal entity (dataAreaId), e.g. usmf"));
        settings.addAll(SettingDescriptor.auth());
        return settings;
    }

    @Override
    public SourceAdapter create(ConnectorSettings settings) {
        String company = settings.required("company");
        Auth auth = Auth.fromOptions(settings.name(), settings.options(), settings.http(), Clock.systemUTC());
        return new DynamicsInvoiceHoldAdapter(settings.baseUrl(), company, auth, settings.http());
    }
}
