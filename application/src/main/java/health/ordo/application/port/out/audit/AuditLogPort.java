package health.ordo.application.port.out.audit;

import health.ordo.domain.audit.AuditEntry;
import health.ordo.domain.shared.TenantId;

import java.util.List;
import java.util.Optional;

/**
 * Audit entries in PostgreSQL, append-only: entries are inserted pending and chained once, in insertion order, by
 * {@link #lockChain} holders; nothing else ever changes a row.
 */
public interface AuditLogPort {

    /** A pending entry and the row id that orders it. */
    record Pending(long rowId, AuditEntry entry) {
    }

    /** A chained entry to store on its pending row. */
    record Chained(long rowId, AuditEntry entry) {
    }

    /** Inserts a pending entry; takes no lock, so concurrent requests never wait for each other. */
    void append(AuditEntry pending);

    /**
     * Locks the tenant's chain for this transaction (waiting if another node is chaining it) and answers its last
     * chained entry.
     */
    Optional<AuditEntry> lockChain(TenantId tenant);

    /** The tenant's oldest pending entries, in insertion order. */
    List<Pending> pending(TenantId tenant, int limit);

    void markChained(List<Chained> entries);

    /** Tenants that have pending entries (platform job). */
    List<TenantId> tenantsWithPending();

    /** Newest first, pending entries included. */
    List<AuditEntry> list(TenantId tenant, String entityType, String entityId, int limit);

    /** The chained entries in seq order. */
    List<AuditEntry> chain(TenantId tenant);
}
