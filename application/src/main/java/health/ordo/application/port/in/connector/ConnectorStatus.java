package health.ordo.application.port.in.connector;

import java.time.Instant;

/**
 * A connector as a tenant admin sees it.
 *
 * @param health       UP, DEGRADED or DOWN (as the adapter last reported), or NEVER_RUN
 * @param cursor       where the next pull starts (opaque, from the adapter)
 * @param itemsCreated totals since the connector was first run; likewise the other counters
 * @param circuitOpenUntil while set and in the future, scheduled syncs are skipped (too many failures in a row)
 */
public record ConnectorStatus(String name, String type, String system, String health, String healthReason, String cursor,
                              Instant lastRunAt, Instant lastSuccessAt, long itemsCreated, long itemsUpdated, long itemsClosed,
                              long duplicates, long rejected, Instant circuitOpenUntil) {
}
