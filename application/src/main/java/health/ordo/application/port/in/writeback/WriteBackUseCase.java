package health.ordo.application.port.in.writeback;

import health.ordo.domain.shared.TenantId;

import java.util.List;

/** The write-back outbox: dispatch what is due, and show a tenant what is queued or done. */
public interface WriteBackUseCase {

    /** Attempts up to {@code limit} due write-backs (each claimed by one node only); returns how many were attempted. */
    int dispatchDue(int limit);

    /** The tenant's write-backs, newest first; {@code status} null for all. */
    List<WriteBack> list(TenantId tenant, WriteBack.Status status, int limit);
}
