package health.ordo.application.port.in.workitem;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Provenance;
import health.ordo.domain.workitem.WorkItemContent;

import java.util.List;

/**
 * Brings work into Ordo, idempotently on (tenant, source system, external id): a faithful re-delivery
 * returns the stored item and creates nothing; a re-delivery with different content is a conflict.
 */
public interface IngestWorkItemUseCase {

    /** Largest batch accepted in one call. */
    int MAX_BATCH = 1000;

    /** Ingests through the public API: the item's provenance is the caller, so it is never written back to a source. */
    default IngestOutcome ingest(TenantId tenant, WorkItemContent content, Actor actor) {
        return ingest(tenant, content, actor, Provenance.api(actor.name()));
    }

    /** @param provenance how the item comes in (recorded on a new item, never changed by a re-delivery) */
    IngestOutcome ingest(TenantId tenant, WorkItemContent content, Actor actor, Provenance provenance);

    /** {@link #ingestBatch(TenantId, List, Actor, Provenance)} through the public API. */
    default List<IngestOutcome> ingestBatch(TenantId tenant, List<WorkItemContent> contents, Actor actor) {
        return ingestBatch(tenant, contents, actor, Provenance.api(actor.name()));
    }

    /**
     * Ingests the entries together (one transaction, the new rows written in one round trip), with each entry judged
     * on its own: an invalid entry is rejected and the others stored, and when the batch's transaction fails as a whole
     * each entry is ingested in its own, so one bad entry never drops the good ones and every entry acknowledged is
     * stored. Outcomes come back in the order of the entries.
     */
    List<IngestOutcome> ingestBatch(TenantId tenant, List<WorkItemContent> contents, Actor actor, Provenance provenance);
}
