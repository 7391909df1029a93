package health.ordo.application.port.out.audit;

import health.ordo.domain.audit.AuditEntry;
import health.ordo.domain.shared.TenantId;

import java.util.List;
import java.util.Optional;

/** Audit entries in PostgreSQL, append-only. */
public interface AuditLogPort {

    /** The tenant's last entry, with the tenant's chain locked for this transaction so appends are serialized. */
    Optional<AuditEntry> lockLast(TenantId tenant);

    void append(AuditEntry entry);

    List<AuditEntry> list(TenantId tenant, String entityType, String entityId, int limit);

    /** The whole chain in seq order. */
    List<AuditEntry> chain(TenantId tenant);
}
