package health.ordo.application.port.out.audit;

import java.util.Map;

/**
 * Where a use case tells the audit trail what it changed: the fields that differ, before and after. No PHI may be
 * passed (only status, assignment, queue, score and resolution fields). Outside a caller's request it does nothing.
 */
public interface ChangeTrailPort {

    ChangeTrailPort NONE = (entityType, entityId, before, after) -> {
    };

    void changed(String entityType, String entityId, Map<String, String> before, Map<String, String> after);
}
