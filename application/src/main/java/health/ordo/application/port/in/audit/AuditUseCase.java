package health.ordo.application.port.in.audit;

import health.ordo.domain.audit.AuditEntry;
import health.ordo.domain.shared.TenantId;

import java.util.List;
import java.util.Map;

/** The tenant's tamper-evident audit log. */
public interface AuditUseCase {

    /** Appends a pending entry (chained within moments by {@link #chainPending}); {@code details} must already be free of PHI. */
    AuditEntry record(TenantId tenant, String actor, String action, String entityType, String entityId, Map<String, String> details,
                      String requestId, String clientIp);

    /** Newest first; {@code entityId} null for all entities. */
    List<AuditEntry> list(TenantId tenant, String entityType, String entityId, int limit);

    /** Chains the tenant's pending entries first, then checks the whole chain. */
    AuditEntry.Verification verify(TenantId tenant);

    /** Chains every tenant's pending entries in insertion order (platform job, any node); answers how many. */
    int chainPending();
}
