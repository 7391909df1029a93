package health.ordo.application.port.out.intake;

import health.ordo.domain.intake.IntakeDocument;
import health.ordo.domain.shared.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored documents and their bytes, under the tenant's row-level security. */
public interface IntakeDocumentPort {

    /** Stores the document and its bytes unless the tenant already has one with the same content hash; that one otherwise. */
    Optional<IntakeDocument> insertIfAbsent(IntakeDocument document, byte[] bytes);

    Optional<IntakeDocument> find(TenantId tenant, UUID id);

    /** Locks the document's row for an update in the current transaction. */
    Optional<IntakeDocument> lock(TenantId tenant, UUID id);

    Optional<byte[]> content(TenantId tenant, UUID id);

    void update(IntakeDocument document);

    /** Newest first, before the cursor (exclusive) when one is given. */
    List<IntakeDocument> list(TenantId tenant, IntakeDocument.Status status, Instant before, int limit);

    /** Documents a degraded classifier sent to review and no person has reviewed yet: re-classified when a model is back. */
    List<UUID> degradedInReview(TenantId tenant, int limit);

    /** Documents stuck in RECEIVED or FAILED (a node died mid-way, a step failed) for a retry. */
    List<UUID> unfinished(TenantId tenant, Instant receivedBefore, int limit);
}
