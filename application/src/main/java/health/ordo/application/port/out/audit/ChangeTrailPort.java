package health.ordo.application.port.out.audit;

import health.ordo.domain.audit.AuditEntry;

import java.util.Map;
import java.util.Optional;

/**
 * Where a use case tells the audit trail what it changed: the fields that differ, before and after. No PHI may be
 * passed (only status, assignment, queue, score and resolution fields). Outside a caller's request it does nothing.
 */
public interface ChangeTrailPort {

    ChangeTrailPort NONE = (entityType, entityId, before, after) -> Optional.empty();

    /**
     * Records the change for the current request. Answers the request's audit entry when the caller should write it in
     * the transaction of the change (the first change of a request on its own entity), which it then does exactly once:
     * the change and its audit entry commit together, and the request needs no second transaction.
     */
    Optional<AuditEntry> changed(String entityType, String entityId, Map<String, String> before, Map<String, String> after);
}
