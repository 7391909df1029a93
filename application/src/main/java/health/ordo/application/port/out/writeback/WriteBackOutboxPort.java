package health.ordo.application.port.out.writeback;

import health.ordo.application.port.in.writeback.WriteBack;
import health.ordo.domain.shared.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The durable outbox of write-backs in PostgreSQL, written in the transaction that completes the work item. */
public interface WriteBackOutboxPort {

    /** Queues a write-back; one with the same tenant and idempotency key already queued is kept as it is. */
    void enqueue(WriteBack writeBack);

    /**
     * {@link #enqueue}, but only when the write-back's tenant has a stored connector serving its source system (enabled or not);
     * decided by the insert itself, so the completing transaction needs no read of the connectors to know it.
     */
    void enqueueIfConnector(WriteBack writeBack);

    /** The tenants with pending write-backs due at {@code now} and not leased, the one with the oldest first (unlocked). */
    List<TenantId> tenantsWithDue(Instant now);

    /**
     * Leases up to {@code limit} of the tenant's pending write-backs due at {@code now} for {@code lease}, oldest queued first, claimed
     * with {@code FOR UPDATE SKIP LOCKED} so two nodes never attempt the same one at once. One behind an older pending
     * write-back of its source that is not due or is leased elsewhere waits, so each source receives them in queue order.
     */
    List<WriteBack> leaseDue(TenantId tenant, Instant now, Duration lease, int limit);

    void markApplied(TenantId tenant, UUID id, Instant at, String detail);

    void markRetry(TenantId tenant, UUID id, int attempts, Instant nextAttemptAt, String error);

    /**
     * Records a refusal by the target: like {@link #markRetry}, and counts it; at {@code maxRefusals} refusals the
     * write-back is set aside as FAILED instead. Answers whether it was set aside.
     */
    boolean markRefused(TenantId tenant, UUID id, int attempts, Instant nextAttemptAt, String error, int maxRefusals);

    /** The tenant's write-back, locked, or empty. */
    java.util.Optional<WriteBack> lock(TenantId tenant, UUID id);

    /** A FAILED write-back pending again, due at {@code now}, attempts from zero. */
    void requeue(TenantId tenant, UUID id, Instant now);

    /**
     * Holds back every pending write-back queued after {@code after} for the same tenant and source system until at least
     * {@code until}, so that when the source is back they are replayed in the order they were queued.
     */
    void deferLater(health.ordo.domain.shared.TenantId tenant, String sourceSystem, Instant after, Instant until);

    List<WriteBack> list(TenantId tenant, WriteBack.Status status, int limit);
}
