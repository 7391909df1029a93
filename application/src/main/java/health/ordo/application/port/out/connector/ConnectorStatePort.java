package health.ordo.application.port.out.connector;

import health.ordo.application.port.in.connector.ConnectorRejection;
import health.ordo.application.port.in.connector.ConnectorRun;
import health.ordo.application.port.in.connector.ConnectorStatus;
import health.ordo.domain.shared.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Each connector's cursor, health, counters and rejections in PostgreSQL. */
public interface ConnectorStatePort {

    /** Counter increments of one page. */
    record Progress(long created, long updated, long closed, long duplicates, long rejected) {
    }

    /**
     * Leases the connector for {@code lease} (creating its row on first use) unless another node holds it.
     *
     * @return the stored cursor ("" at the start) when the lease was taken
     */
    Optional<String> lease(TenantId tenant, String name, String type, String system, Instant now, Duration lease);

    /**
     * Like {@link #lease}, for a scheduled round: only when the connector is due ({@code interval} after its last run) and
     * its circuit is closed.
     */
    Optional<String> leaseIfDue(TenantId tenant, String name, String type, String system, Instant now, Duration lease, Duration interval);

    /** Stores the cursor after a page and adds the page's counters, in the transaction that ingested the page. */
    void advance(TenantId tenant, String name, String cursor, Progress progress, Instant at);

    /**
     * Records the adapter's health after a round and gives up the lease; a failed round counts towards the circuit
     * breaker, which opens for {@code openFor} once failures reach the threshold (null: stays closed), a success resets it.
     */
    void finish(TenantId tenant, String name, String health, String reason, boolean success, Instant at, Duration openFor);

    /** Failed rounds in a row, for the circuit breaker. */
    int consecutiveFailures(TenantId tenant, String name);

    /** Records a new run; a run still marked RUNNING from before (its node stopped mid-sync) is closed as FAILED first. */
    void startRun(TenantId tenant, String name, ConnectorRun run);

    void finishRun(TenantId tenant, ConnectorRun run);

    List<ConnectorRun> runs(TenantId tenant, String name, int limit);

    void reject(TenantId tenant, String name, List<ConnectorRejection> rejections);

    List<ConnectorStatus> list(TenantId tenant);

    List<ConnectorRejection> rejections(TenantId tenant, String name, int limit);
}
