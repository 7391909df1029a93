package health.ordo.adapter.web.audit;

import health.ordo.application.port.out.audit.ChangeTrailPort;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps what a request's use cases changed on the request itself, for {@link AuditFilter} to write into the request's
 * audit entry as {@code before.<field>} / {@code after.<field>} (changed fields only). Outside a request: nothing.
 */
@Singleton
class RequestChangeTrail implements ChangeTrailPort {

    static final String ATTRIBUTE = "ordo.audit.changes";

    @Override
    public void changed(String entityType, String entityId, Map<String, String> before, Map<String, String> after) {
        HttpRequest<Object> request = ServerRequestContext.currentRequest().orElse(null);
        if (request == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> changes = request.getAttribute(ATTRIBUTE, Map.class).orElse(null);
        if (changes == null) {
            changes = new LinkedHashMap<>();
            request.setAttribute(ATTRIBUTE, changes);
        }
        for (Map.Entry<String, String> field : after.entrySet()) {
            String old = before.get(field.getKey());
            if (!Objects.equals(old, field.getValue())) {
                changes.putIfAbsent("before." + field.getKey(), old == null ? "" : old);
                changes.put("after." + field.getKey(), field.getValue() == null ? "" : field.getValue());
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Map.class).orElse(Map.of());
    }
}
