package health.ordo.adapter.web.audit;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.audit.AuditUseCase;
import health.ordo.domain.shared.TenantId;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Provider;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Appends an audit entry for every authenticated change under {@code /api/v1} (POST, PUT, PATCH, DELETE) and every read
 * of a work item's details (PHI-bearing: {@code GET /api/v1/work-items/{id}}, {@code GET /api/v1/fhir/Task/{id}}), with
 * who, tenant, action, entity, outcome status, request id ({@code X-Request-Id}, generated when absent and echoed in the
 * response) and client IP, and for work item changes the fields that changed, before and after
 * ({@link RequestChangeTrail}). Bodies, query strings and attributes are not recorded, so no PHI enters the log.
 * A work item change writes its entry in its own transaction (status {@code committed}); every other request's entry
 * is written here after the response, with the HTTP status.
 */
@Filter("/api/**")
class AuditFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PHI_READ = Pattern.compile("/api/v1/(work-items|fhir/Task)/" + ID.pattern());

    private final Provider<AuditUseCase> audit;

    AuditFilter(Provider<AuditUseCase> audit) {
        this.audit = audit;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String requestId = request.getHeaders().get("X-Request-Id");
        String id = requestId == null || requestId.isBlank() || requestId.length() > 100 ? UUID.randomUUID().toString() : requestId;
        boolean change = request.getMethod() == HttpMethod.POST || request.getMethod() == HttpMethod.PUT
                || request.getMethod() == HttpMethod.PATCH || request.getMethod() == HttpMethod.DELETE;
        boolean phiRead = request.getMethod() == HttpMethod.GET && PHI_READ.matcher(request.getPath()).matches();
        AuditFacts facts = change || phiRead ? facts(request, id, phiRead) : null;
        if (facts != null && change) {
            request.setAttribute(RequestChangeTrail.FACTS, facts);
        }
        return Publishers.map(chain.proceed(request), response -> {
            response.header("X-Request-Id", id);
            boolean writtenWithTheChange = RequestChangeTrail.written(request) && response.getStatus().getCode() < 400;
            if (facts != null && !writtenWithTheChange) {
                record(request, facts, response.getStatus().getCode());
            }
            return response;
        });
    }

    /** Who did what to which entity; null for an unauthenticated request or one without a tenant. */
    private static AuditFacts facts(HttpRequest<?> request, String requestId, boolean read) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
        if (authentication == null || !(authentication.getAttributes().get(Caller.TENANT_CLAIM) instanceof String tenant)) {
            return null;
        }
        String path = request.getPath();
        Matcher matcher = ID.matcher(path);
        String entityId = matcher.find() ? matcher.group() : null;
        String[] parts = path.substring(Math.min(path.length(), "/api/v1/".length())).split("/");
        String entityType = parts.length == 0 ? null : parts[0].replaceAll(":.*", "");
        Map<String, String> details = new LinkedHashMap<>();
        details.put("method", request.getMethod().name());
        details.put("route", ID.matcher(path).replaceAll("{id}"));
        return new AuditFacts(TenantId.of(tenant), authentication.getName(), read ? "read" : request.getMethod().name().toLowerCase()
                + " " + details.get("route"), entityType, entityId, details, requestId, request.getRemoteAddress().getAddress().getHostAddress());
    }

    private void record(HttpRequest<?> request, AuditFacts facts, int status) {
        Map<String, String> details = new LinkedHashMap<>(facts.details());
        details.put("status", Integer.toString(status));
        details.putAll(RequestChangeTrail.of(request));
        try {
            audit.get().record(facts.tenant(), facts.actor(), facts.action(), facts.entityType(), facts.entityId(), details,
                    facts.requestId(), facts.clientIp());
        } catch (RuntimeException e) {
            LOG.error("audit entry could not be written for request {}", facts.requestId(), e);
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 10;
    }
}
