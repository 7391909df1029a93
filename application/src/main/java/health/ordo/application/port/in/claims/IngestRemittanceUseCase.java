package health.ordo.application.port.in.claims;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Provenance;
import health.ordo.spi.claims.RemittanceAdvice;

import java.util.Set;

/**
 * Takes a payer's remittance in, whichever way it comes (a file posted or dropped in a folder, a connector pulling a
 * payer's server): each claim is judged by the claims rules with the tenant's code set in force. Denials and underpayments
 * become work items, idempotently on the payer's claim key (the same file, trace or resource twice creates nothing, and a
 * changed denial of a closed item is new work); a reversal cancels the item it reverses; routine claims create nothing.
 */
public interface IngestRemittanceUseCase {

    /**
     * Reads a document of a known format and ingests it.
     *
     * @param format a reader's format, e.g. {@code x12-835} or {@code fhir}
     * @throws health.ordo.application.port.in.workitem.UnreadableDocumentException when the document cannot be read as a
     *                                                                             whole, naming where
     */
    IngestReport ingest(TenantId tenant, String format, byte[] document, Actor actor);

    /** Ingests what a reader or a source already read, recording how the items came in. */
    IngestReport ingest(TenantId tenant, RemittanceAdvice advice, Actor actor, Provenance provenance);

    /** The formats documents can be posted in. */
    Set<String> formats();
}
