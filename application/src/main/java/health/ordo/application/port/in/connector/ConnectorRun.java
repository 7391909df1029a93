package health.ordo.application.port.in.connector;

import java.time.Instant;
import java.util.UUID;

/**
 * One sync of a connector.
 *
 * @param trigger   {@code SCHEDULE} or {@code MANUAL}
 * @param status    RUNNING, SUCCEEDED or FAILED (the source failed or the run was cut short; the cursor kept what was done)
 * @param fetched   records read from the source
 * @param unchanged records that were already in Ordo as they are
 * @param failed    records rejected
 */
public record ConnectorRun(UUID id, String trigger, Instant startedAt, Instant finishedAt, String status, int pages, int fetched,
                           int created, int updated, int unchanged, int closed, int failed, String error) {
}
