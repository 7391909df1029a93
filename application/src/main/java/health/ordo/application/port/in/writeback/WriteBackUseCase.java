package health.ordo.application.port.in.writeback;

import health.ordo.domain.shared.TenantId;

import java.util.List;

/** The write-back outbox: dispatch what is due, and show a tenant what is queued or done. */
public interface WriteBackUseCase {

    /** Attempts up to {@code limit} due write-backs (each claimed by one node only); returns how many were attempted. */
    int dispatchDue(int limit);

    /** The tenant's write-backs, newest first; {@code status} null for all. */
    List<WriteBack> list(TenantId tenant, WriteBack.Status status, int limit);

    /**
     * Puts a FAILED write-back back in the queue, due now, its attempts counted afresh (a PENDING one is left as it is).
     *
     * @throws WriteBackNotFoundException when the tenant has no such write-back
     * @throws health.ordo.domain.workitem.NotAllowedException when it has already applied
     */
    WriteBack retry(TenantId tenant, java.util.UUID id);
}
