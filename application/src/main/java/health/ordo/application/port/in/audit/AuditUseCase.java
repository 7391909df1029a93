package health.ordo.application.port.in.audit;

import health.ordo.domain.audit.AuditEntry;
import health.ordo.domain.shared.TenantId;

import java.util.List;
import java.util.Map;

/** The tenant's tamper-evident audit log. */
public interface AuditUseCase {

    /** Appends an entry to the tenant's chain; {@code details} must already be free of PHI. */
    AuditEntry record(TenantId tenant, String actor, String action, String entityType, String entityId, Map<String, String> details,
                      String requestId, String clientIp);

    /** Newest first; {@code entityId} null for all entities. */
    List<AuditEntry> list(TenantId tenant, String entityType, String entityId, int limit);

    AuditEntry.Verification verify(TenantId tenant);
}
