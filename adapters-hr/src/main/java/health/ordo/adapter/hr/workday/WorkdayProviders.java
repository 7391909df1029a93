package health.ordo.adapter.hr.workday;

import health.ordo.spi.plugin.ConnectorSettings;
import health.ordo.spi.plugin.SourceAdapterProvider;
import health.ordo.spi.plugin.SettingDescriptor;
import java.util.ArrayList;
import java.util.List;
import health.ordo.spi.SourceAdapter;
import health.ordo.spi.http.Auth;
import health.ordo.spi.http.OutboundChannel;
import health.ordo.spi.http.SourceHttp;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Connector types {@code workday-onboarding}, {@code workday-credentials}, {@code workday-payroll-exceptions}, {@code workday-supplier-requests} and
 * {@code workday-supplier-invoice-holds}. The connector's base URL is the report's RaaS URL
 * ({@code https://<host>/ccx/service/customreport2/<tenant>/<owner>/<report>}). Options: {@code auth} (an integration
 * system user with {@code basic}, or {@code oauth-refresh-token} with the API client's {@code token-url},
 * {@code client-id}, {@code client-secret}, {@code refresh-token}; see {@link Auth#fromOptions}),
 * {@code field.<Name>} to rename a report field, {@code updated-since-prompt}, {@code write-back-url},
 * {@code tasks} (onboarding, default {@code CREDENTIAL_VERIFICATION:-14,LICENSE_CHECK:-10,PAYROLL_SETUP:-5,BADGE:-2}),
 * {@code lead-days} (credentials, default 30), {@code currency} (default USD), {@code timeout-seconds} (default 60: RaaS
 * reports can be slow).
 */
@Factory
class WorkdayProviders {

    static final String DEFAULT_TASKS = "CREDENTIAL_VERIFICATION:-14,LICENSE_CHECK:-10,PAYROLL_SETUP:-5,BADGE:-2";

    @Singleton
    SourceAdapterProvider workdayOnboarding(Clock clock) {
        return provider("workday-onboarding", ReportKind.ONBOARDING, clock);
    }

    @Singleton
    SourceAdapterProvider workdayCredentials(Clock clock) {
        return provider("workday-credentials", ReportKind.CREDENTIALS, clock);
    }

    @Singleton
    SourceAdapterProvider workdayPayrollExceptions(Clock clock) {
        return provider("workday-payroll-exceptions", ReportKind.PAYROLL_EXCEPTIONS, clock);
    }

    @Singleton
    SourceAdapterProvider workdaySupplierRequests(Clock clock) {
        return provider("workday-supplier-requests", ReportKind.SUPPLIER_REQUESTS, clock);
    }

    @Singleton
    SourceAdapterProvider workdaySupplierInvoiceHolds(Clock clock) {
        return provider("workday-supplier-invoice-holds", ReportKind.SUPPLIER_INVOICE_HOLDS, clock);
    }

    private static final Map<ReportKind, String> DESCRIPTIONS = Map.of(
            ReportKind.ONBOARDING, "Workday hires (a RaaS report): onboarding tasks with deadlines before the start date",
            ReportKind.CREDENTIALS, "Workday credentials and licences (a RaaS report) that expire soon",
            ReportKind.PAYROLL_EXCEPTIONS, "Workday payroll exceptions (a RaaS report)",
            ReportKind.SUPPLIER_REQUESTS, "Workday supplier requests awaiting onboarding (a RaaS report)",
            ReportKind.SUPPLIER_INVOICE_HOLDS, "Workday supplier invoices on hold (a RaaS report)");

    private static SourceAdapterProvider provider(String type, ReportKind kind, Clock clock) {
        return new SourceAdapterProvider() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public String description() {
                return DESCRIPTIONS.get(kind);
            }

            @Override
            public List<SettingDescriptor> settings() {
                List<SettingDescriptor> settings = new ArrayList<>(SettingDescriptor.auth());
                settings.add(SettingDescriptor.optional("field.<Name>", "renames a report field the adapter reads"));
                settings.add(SettingDescriptor.optional("updated-since-prompt", "the report prompt that takes the last sync time"));
                settings.add(SettingDescriptor.optional("write-back-url", "where outcomes are posted back"));
                settings.add(SettingDescriptor.optional("currency", "default USD"));
                if (kind == ReportKind.ONBOARDING) {
                    settings.add(SettingDescriptor.optional("tasks", "onboarding tasks and their offsets in days, default " + DEFAULT_TASKS));
                }
                if (kind == ReportKind.CREDENTIALS) {
                    settings.add(SettingDescriptor.optional("lead-days", "how many days before expiry an item is created, default 30"));
                }
                return settings;
            }

            @Override
            public SourceAdapter create(ConnectorSettings settings) {
                return source(settings, kind, clock);
            }
        };
    }

    static WorkdayReportSource source(ConnectorSettings settings, ReportKind kind, Clock clock) {
        OutboundChannel client = settings.http();
        Map<String, String> fields = new HashMap<>();
        settings.options().forEach((key, value) -> {
            if (key.startsWith("field.")) {
                fields.put(key.substring("field.".length()), value);
            }
        });
        int leadDays;
        try {
            leadDays = Integer.parseInt(settings.option("lead-days").orElse("30"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("connector " + settings.name() + ": lead-days must be a number");
        }
        java.time.Duration timeout = SourceHttp.timeout(settings.name(), settings.option("timeout-seconds").orElse(null), 60, client.policy());
        ReportKind.Settings kindSettings = new ReportKind.Settings(WorkdayReportSource.SYSTEM,
                ReportKind.tasks(settings.option("tasks").orElse(DEFAULT_TASKS)), leadDays, settings.option("currency").orElse("USD"));
        return new WorkdayReportSource(settings.baseUrl(), kind,
                new SourceHttp(client, Auth.fromOptions(settings.name(), settings.options(), client, clock), clock, timeout), kindSettings, fields,
                settings.option("updated-since-prompt").orElse(null), settings.option("write-back-url").map(URI::create).orElse(null));
    }
}
