package health.ordo.application.port.in.insights;

import health.ordo.domain.insights.Anomaly;
import health.ordo.domain.insights.WatchSettings;
import health.ordo.domain.shared.TenantId;

import java.time.LocalDate;
import java.util.List;

/**
 * The watch: every day of every tenant compared with its seasonal expectation (arrivals per queue and payer, SLA attainment
 * per queue, integration failures per connector) and with the tenant's aging limit; each unusual day recorded once, an
 * {@code AnomalyDetected} event written with it, and, when the tenant asks for it, an alert work item for its owner.
 */
public interface WatchUseCase {

    /** Watches every tenant whose history is settled (no import running), from the day after its last watched day up to yesterday. */
    int watchAll();

    /** Watches one tenant's days again (a backfill after an import, or a check now): the anomalies of those days. */
    List<Anomaly> detect(TenantId tenant, LocalDate from, LocalDate to);

    List<Anomaly> anomalies(TenantId tenant, LocalDate from, LocalDate to);

    WatchSettings settings(TenantId tenant);

    WatchSettings saveSettings(WatchSettings settings);
}
