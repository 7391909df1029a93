package health.ordo.application.port.in.workitem;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.WorkItemContent;

import java.util.List;

/**
 * Brings work into Ordo, idempotently on (tenant, source system, external id): a faithful re-delivery
 * returns the stored item and creates nothing; a re-delivery with different content is a conflict.
 */
public interface IngestWorkItemUseCase {

    /** Largest batch accepted in one call. */
    int MAX_BATCH = 1000;

    IngestOutcome ingest(TenantId tenant, WorkItemContent content, Actor actor);

    /**
     * Ingests each entry in its own transaction, so one bad entry never drops the good ones and every entry
     * acknowledged is stored. Outcomes come back in the order of the entries.
     */
    List<IngestOutcome> ingestBatch(TenantId tenant, List<WorkItemContent> contents, Actor actor);
}
