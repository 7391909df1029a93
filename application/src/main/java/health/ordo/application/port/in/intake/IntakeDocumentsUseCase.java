package health.ordo.application.port.in.intake;

import health.ordo.domain.intake.DocumentType;
import health.ordo.domain.intake.IntakeDocument;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Documents in: stored once per content hash, read, classified, their fields extracted, and turned into work, filed, or
 * sent to a person. Nothing accepted is lost: a step that fails leaves the document with its failure, for a retry.
 */
public interface IntakeDocumentsUseCase {

    /** The largest document taken, in bytes. */
    long maxBytes();

    /**
     * Takes a document in and processes it.
     *
     * @param channel  how it came ({@code api}, {@code folder:<name>})
     * @throws UnsupportedDocumentException when the bytes are not a kind of document intake reads, or exceed {@link #maxBytes()}
     */
    Submitted submit(TenantId tenant, byte[] bytes, String fileName, String channel, Actor actor);

    IntakeDocument get(TenantId tenant, UUID id);

    /** The stored bytes with their media type. */
    Content content(TenantId tenant, UUID id);

    List<IntakeDocument> list(TenantId tenant, IntakeDocument.Status status, Instant before, int limit);

    /**
     * A person's word on a document: its type and field values (absent fields keep what was read). A correction becomes a
     * training label; the document then becomes the work of its type (or is filed), and its review item is closed.
     */
    IntakeDocument review(TenantId tenant, UUID id, DocumentType type, Map<String, String> fields, Actor reviewer);

    /** Processes the document again from its stored bytes (after a failure, or with a new model). */
    IntakeDocument reprocess(TenantId tenant, UUID id, Actor actor);

    /** What became of a submission: the document, and whether it was already there (nothing new created then). */
    record Submitted(IntakeDocument document, boolean duplicate) {
    }

    record Content(byte[] bytes, String mediaType, String fileName) {
    }
}
