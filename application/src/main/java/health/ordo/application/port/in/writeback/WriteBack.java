package health.ordo.application.port.in.writeback;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItemId;

import java.time.Instant;
import java.util.UUID;

/**
 * One outcome to write back to the system a work item came from, as kept in the outbox.
 *
 * @param idempotencyKey the same on every attempt; targets use it so a retry never applies twice
 * @param status         {@code PENDING} until a target confirms it, then {@code APPLIED}; {@code FAILED} when the target
 *                       refused it for the configured number of attempts (set aside until someone retries it)
 * @param lastError      why the last attempt did not apply (including "no endpoint configured"), or null
 * @param viaConnector   the connector that brought the item in (its provenance), whose source the outcome goes back
 *                       to; null for an item an inbound channel brought in (an 835 or FHIR upload), whose outcome goes
 *                       to the deployment's target for its source system
 */
public record WriteBack(UUID id, TenantId tenant, WorkItemId workItemId, String sourceSystem, String externalId,
                        String resolution, String note, String idempotencyKey, Status status, int attempts,
                        Instant nextAttemptAt, String lastError, Instant createdAt, Instant appliedAt, String viaConnector) {

    /** Outbox states; nothing is ever dropped: a failed write-back stays, with its last error, until retried. */
    public enum Status { PENDING, APPLIED, FAILED }
}
