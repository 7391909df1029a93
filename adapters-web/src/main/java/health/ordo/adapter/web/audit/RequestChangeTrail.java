package health.ordo.adapter.web.audit;

import health.ordo.application.port.out.audit.ChangeTrailPort;
import health.ordo.domain.audit.AuditEntry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps what a request's use cases changed on the request itself ({@code before.<field>} / {@code after.<field>},
 * changed fields only). For a change of the request's own entity (or of the item get-next-work claims) it hands the
 * request's audit entry to the use case once, to be written in the change's transaction; {@link AuditFilter} then
 * writes none. Outside a request: nothing.
 */
@Singleton
class RequestChangeTrail implements ChangeTrailPort {

    static final String CHANGES = "ordo.audit.changes";
    static final String FACTS = "ordo.audit.facts";
    static final String WRITTEN = "ordo.audit.written";

    @Override
    public Optional<AuditEntry> changed(String entityType, String entityId, Map<String, String> before, Map<String, String> after) {
        HttpRequest<Object> request = ServerRequestContext.currentRequest().orElse(null);
        if (request == null) {
            return Optional.empty();
        }
        Map<String, String> changes = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : after.entrySet()) {
            String old = before.get(field.getKey());
            if (!Objects.equals(old, field.getValue())) {
                changes.put("before." + field.getKey(), old == null ? "" : old);
                changes.put("after." + field.getKey(), field.getValue() == null ? "" : field.getValue());
            }
        }
        AuditFacts facts = request.getAttribute(FACTS, AuditFacts.class).orElse(null);
        boolean own = facts != null && (facts.entityId() == null || facts.entityId().equals(entityId));
        if (own && request.getAttribute(WRITTEN).isEmpty()) {
            request.setAttribute(WRITTEN, Boolean.TRUE);
            Map<String, String> details = new LinkedHashMap<>(changes);
            details.put("status", "committed");
            if (facts.entityId() == null) {
                details.put("workItemId", entityId);
            }
            if (facts.entityId() == null && ("work-items".equals(facts.entityType()) || "work".equals(facts.entityType()))) {
                // a create or get-next-work names no item in its path, yet changes exactly one: the entry names it
                facts = new AuditFacts(facts.tenant(), facts.actor(), facts.action(), facts.entityType(), entityId, facts.details(),
                        facts.requestId(), facts.clientIp());
            }
            return Optional.of(facts.entry(details));
        }
        @SuppressWarnings("unchecked")
        Map<String, String> kept = request.getAttribute(CHANGES, Map.class).orElse(null);
        if (kept == null) {
            kept = new LinkedHashMap<>();
            request.setAttribute(CHANGES, kept);
        }
        for (Map.Entry<String, String> change : changes.entrySet()) {
            if (change.getKey().startsWith("before.")) {
                kept.putIfAbsent(change.getKey(), change.getValue());
            } else {
                kept.put(change.getKey(), change.getValue());
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> of(HttpRequest<?> request) {
        return request.getAttribute(CHANGES, Map.class).orElse(Map.of());
    }

    static boolean written(HttpRequest<?> request) {
        return request.getAttribute(WRITTEN).isPresent();
    }
}
