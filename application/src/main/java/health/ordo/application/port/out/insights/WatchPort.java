package health.ordo.application.port.out.insights;

import health.ordo.domain.insights.Anomaly;
import health.ordo.domain.insights.WatchSettings;
import health.ordo.domain.shared.TenantId;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The watch's settings, progress and findings, and the connector failures it watches. */
public interface WatchPort {

    /** The tenant's settings, the defaults when it has saved none. */
    WatchSettings settings(TenantId tenant);

    void saveSettings(WatchSettings settings);

    /** The last day watched, locked for this transaction (so one node watches a tenant at a time); empty when never. */
    Optional<LocalDate> lockLastWatched(TenantId tenant);

    void watched(TenantId tenant, LocalDate day);

    /** Whether the tenant's history is still moving: a history import queued or running, or rollups not yet computed. */
    boolean settling(TenantId tenant);

    /**
     * Records an anomaly unless one of the same metric, group and day exists; a new one with {@code publish} also writes
     * an {@code AnomalyDetected} event to the outbox in the same transaction.
     *
     * @return whether it is new
     */
    boolean record(Anomaly anomaly, boolean publish);

    void linkWorkItem(TenantId tenant, UUID anomaly, String workItemId);

    List<Anomaly> anomalies(TenantId tenant, LocalDate from, LocalDate to);

    /** Failed connector runs plus records refused, per connector and day (in the zone). */
    Map<String, Map<LocalDate, Double>> integrationFailures(TenantId tenant, LocalDate from, LocalDate to, ZoneId zone);
}
