package health.ordo.adapter.web.audit;

import health.ordo.adapter.web.problem.ProblemType;
import health.ordo.adapter.web.problem.Problems;
import java.util.List;
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
 * Appends an audit entry for every authenticated change under {@code /api/v1} (POST, PUT, PATCH, DELETE), every read of a
 * work item's details (PHI-bearing: {@code GET /api/v1/work-items/{id}} and its sub-resources,
 * {@code GET /api/v1/fhir/Task/{id}}) and every list or search of work items ({@code GET /api/v1/work-items},
 * {@code GET /api/v1/fhir/Task}: one entry per request with the filter and the number of items answered), with
 * who, tenant, action, entity, outcome status, request id ({@code X-Request-Id}, generated when absent and echoed in the
 * response) and client IP, and for work item changes the fields that changed, before and after
 * ({@link RequestChangeTrail}). Bodies, query strings and attributes are not recorded, so no PHI enters the log.
 * A work item change writes its entry in its own transaction (status {@code committed}); every other request's entry
 * is written here after the response, with the HTTP status. A PHI read whose entry cannot be written fails ({@code 503},
 * the answer withheld): no PHI leaves without its trace (HIPAA 164.312(b)).
 */
@Filter("/api/**")
class AuditFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Collections whose entities are named (not UUIDs) in the path: a queue, a calendar, a client, a login. */
    private static final java.util.Set<String> NAMED = java.util.Set.of("queues", "workers", "routing-rules", "calendars",
            "connectors", "api-clients", "priority-policies", "sla-policies", "tenants");
    private static final Pattern PHI_READ = Pattern.compile("/api/v1/(work-items/[^/:]+(/[a-z-]+)?|fhir/Task/[^/]+)/?");
    private static final Pattern PHI_SEARCH = Pattern.compile("/api/v1/(work-items|fhir/Task)/?");
    /** The request attribute a list or search sets to the number of items it answered. */
    static final String COUNT = "ordo.audit.count";
    /** Query parameters whose values are recorded (filters, never PHI); of any other only the name is. */
    private static final java.util.Set<String> FILTERS = java.util.Set.of("status", "type", "queue", "assignee", "sla", "limit", "code",
            "_count", "_sort", "_total", "_lastUpdated", "business-status", "priority", "authored-on", "modified", "period");

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
        boolean search = request.getMethod() == HttpMethod.GET && PHI_SEARCH.matcher(request.getPath()).matches();
        boolean phiRead = search || request.getMethod() == HttpMethod.GET && PHI_READ.matcher(request.getPath()).matches();
        AuditFacts facts = change || phiRead ? facts(request, id, phiRead) : null;
        if (facts != null && search) {
            facts = searched(facts, request);
        }
        AuditFacts known = facts;
        if (facts != null && change) {
            request.setAttribute(RequestChangeTrail.FACTS, facts);
        }
        return Publishers.map(chain.proceed(request), response -> {
            response.header("X-Request-Id", id);
            boolean writtenWithTheChange = RequestChangeTrail.written(request) && response.getStatus().getCode() < 400;
            if (known != null && !writtenWithTheChange) {
                AuditFacts facts1 = created(known, response);
                if (search) {
                    facts1 = counted(facts1, request);
                }
                try {
                    record(request, facts1, response.getStatus().getCode());
                } catch (Exception e) { // a JDBC failure may arrive as a checked SQLException, thrown on unchecked
                    LOG.error("audit entry could not be written for request {}", known.requestId(), e);
                    if (phiRead && response.getStatus().getCode() < 300) {
                        MutableHttpResponse<?> withheld = Problems.response(request, ProblemType.SERVICE_UNAVAILABLE,
                                "the read could not be recorded in the audit log, so it is not answered; try again", List.of());
                        return withheld.header("X-Request-Id", id);
                    }
                }
            }
            return response;
        });
    }

    /** A list or search names its filter: the recorded parameters' values, and of any other parameter only its name. */
    private static AuditFacts searched(AuditFacts facts, HttpRequest<?> request) {
        Map<String, String> details = new LinkedHashMap<>(facts.details());
        java.util.List<String> filter = new java.util.ArrayList<>();
        request.getParameters().forEach((name, values) -> filter.add(FILTERS.contains(name) ? name + "=" + String.join(",", values)
                : name));
        details.put("filter", String.join("&", filter));
        return new AuditFacts(facts.tenant(), facts.actor(), "search", facts.entityType(), null, details, facts.requestId(),
                facts.clientIp());
    }

    /** The number of items the list or search answered, as its controller counted them. */
    private static AuditFacts counted(AuditFacts facts, HttpRequest<?> request) {
        Map<String, String> details = new LinkedHashMap<>(facts.details());
        details.put("count", request.getAttribute(COUNT).map(Object::toString).orElse("0"));
        return new AuditFacts(facts.tenant(), facts.actor(), facts.action(), facts.entityType(), facts.entityId(), details,
                facts.requestId(), facts.clientIp());
    }

    /** Who did what to which entity; null for an unauthenticated request or one without a tenant. */
    private static AuditFacts facts(HttpRequest<?> request, String requestId, boolean read) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
        if (authentication == null || !(authentication.getAttributes().get(Caller.TENANT_CLAIM) instanceof String tenant)) {
            return null;
        }
        String path = request.getPath();
        String[] parts = path.substring(Math.min(path.length(), "/api/v1/".length())).split("/");
        String entityType = parts.length == 0 ? null : parts[0].replaceAll(":.*", "");
        // the entity is the segment after the collection (a UUID, a queue or calendar id, a client id, a login), without
        // a custom method (":rotate"); the route names it {id}, so entries of one kind of request share one action
        String entityId = null;
        String route = path;
        Matcher matcher = ID.matcher(path);
        if (matcher.find()) {
            entityId = matcher.group();
            route = ID.matcher(path).replaceAll("{id}");
        } else if (parts.length > 1 && !parts[1].isEmpty() && NAMED.contains(entityType)) {
            String segment = parts[1].replaceAll(":.*", "");
            entityId = pathSegment(segment);
            parts[1] = "{id}" + parts[1].substring(segment.length());
            route = "/api/v1/" + String.join("/", parts);
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("method", request.getMethod().name());
        details.put("route", route);
        return new AuditFacts(TenantId.of(tenant), authentication.getName(), read ? "read" : request.getMethod().name().toLowerCase()
                + " " + details.get("route"), entityType, entityId, details, requestId, request.getRemoteAddress().getAddress().getHostAddress());
    }

    /** A path segment as its entity id: percent-escapes decoded (a '+' stays a '+'), a malformed one kept as sent. */
    private static String pathSegment(String segment) {
        String id;
        try {
            id = java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            id = segment;
        }
        return id.length() > 200 ? id.substring(0, 200) : id;
    }

    /** A request that created its entity names it through the answer's Location (POST /work-items → the new id). */
    private static AuditFacts created(AuditFacts facts, MutableHttpResponse<?> response) {
        String location = response.getHeaders().get("Location");
        if (facts.entityId() != null || location == null || response.getStatus().getCode() != 201) {
            return facts;
        }
        String id = location.substring(location.lastIndexOf('/') + 1);
        return new AuditFacts(facts.tenant(), facts.actor(), facts.action(), facts.entityType(), id.isEmpty() ? null : id,
                facts.details(), facts.requestId(), facts.clientIp());
    }

    private void record(HttpRequest<?> request, AuditFacts facts, int status) {
        Map<String, String> details = new LinkedHashMap<>(facts.details());
        details.put("status", Integer.toString(status));
        details.putAll(RequestChangeTrail.of(request));
        audit.get().record(facts.tenant(), facts.actor(), facts.action(), facts.entityType(), facts.entityId(), details,
                facts.requestId(), facts.clientIp());
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 10;
    }
}
