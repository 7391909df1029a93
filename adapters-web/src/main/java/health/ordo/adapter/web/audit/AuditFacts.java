package health.ordo.adapter.web.audit;

import health.ordo.domain.audit.AuditEntry;
import health.ordo.domain.shared.TenantId;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** What the audit entry of one request says, known before the request runs; {@link AuditFilter} keeps it on the request. */
record AuditFacts(TenantId tenant, String actor, String action, String entityType, String entityId, Map<String, String> details,
                  String requestId, String clientIp) {

    AuditEntry entry(Map<String, String> moreDetails) {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(details);
        all.putAll(moreDetails);
        return AuditEntry.pending(tenant, Instant.now().truncatedTo(ChronoUnit.MICROS), actor, action, entityType, entityId, all,
                requestId, clientIp);
    }
}
