package health.ordo.adapter.web.page;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.audit.AuditUseCase;
import health.ordo.application.port.in.insights.Insight;
import health.ordo.application.port.in.insights.InsightRequest;
import health.ordo.application.port.in.insights.InsightTable;
import health.ordo.application.port.in.insights.InsightsQuery;
import health.ordo.domain.audit.AuditEntry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The compliance officer's view (tenant admins): the audit log searched by entity, with the verification of its hash chain;
 * who read or downloaded records that can carry PHI; priority overrides by reason over 90 days. The same use cases as
 * {@code /api/v1/audit} and {@code /api/v1/insights/overrides}; no PHI is shown (audit details never hold any).
 */
@Controller("/ui/compliance")
@Produces(MediaType.TEXT_HTML)
@Hidden
@Secured("TENANT_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CompliancePage {

    /** Audit actions that are reads of records which can carry PHI. */
    private static final Set<String> PHI_READS = Set.of("read", "download");
    private static final int SEARCH_LIMIT = 200;

    /** One audit entry as shown. */
    public record Entry(String seq, String at, String actor, String action, String entityType, String entityId, String details,
                        String clientIp) {
    }

    /** The chain check's result. */
    public record Verification(boolean intact, long checked, Long firstBrokenSeq, String reason) {
    }

    /** The page. */
    public record Compliance(String entityType, String entity, List<Entry> entries, List<Entry> phiReads, List<Map<String, Object>> overrides,
                             Verification verification) {
    }

    private final Pages pages;
    private final AuditUseCase audit;
    private final InsightsQuery insights;

    CompliancePage(Pages pages, AuditUseCase audit, InsightsQuery insights) {
        this.pages = pages;
        this.audit = audit;
        this.insights = insights;
    }

    @Get
    HttpResponse<?> compliance(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String entityType,
                               @Nullable @QueryValue String entity) {
        return render(request, authentication, entityType, entity, null);
    }

    @Post(value = "/verify", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> verify(HttpRequest<?> request, Authentication authentication, @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        AuditEntry.Verification v = audit.verify(Caller.of(authentication).tenant());
        return render(request, authentication, null, null, new Verification(v.intact(), v.checked(), v.firstBrokenSeq(), v.reason()));
    }

    private HttpResponse<?> render(HttpRequest<?> request, Authentication authentication, String entityType, String entity,
                                   Verification verification) {
        Caller caller = Caller.of(authentication);
        Layout layout = pages.layout(request, authentication, "@compliance.title", "compliance");
        String type = blankToNull(entityType);
        String id = blankToNull(entity);
        List<AuditEntry> found = audit.list(caller.tenant(), type, id, SEARCH_LIMIT);
        List<Entry> entries = found.stream().limit(100).map(e -> entry(e, layout)).toList();
        List<Entry> phiReads = (type == null && id == null ? found : audit.list(caller.tenant(), null, null, SEARCH_LIMIT)).stream()
                .filter(e -> PHI_READS.contains(e.action())).limit(50).map(e -> entry(e, layout)).toList();
        LocalDate today = insights.today(caller.tenant());
        InsightTable overrides = insights.insight(new InsightsQuery.Viewer(caller.tenant(), caller.actor().name(), true), Insight.OVERRIDES,
                new InsightRequest(today.minusDays(89), today, null, Map.of(), InsightRequest.Period.NONE));
        return pages.page(request, authentication, HttpStatus.OK, "compliance", layout,
                new Compliance(type == null ? "" : type, id == null ? "" : id, entries, phiReads, overrides.rows(), verification));
    }

    private static Entry entry(AuditEntry e, Layout layout) {
        String details = new TreeMap<>(e.details()).entrySet().stream().map(d -> d.getKey() + "=" + d.getValue())
                .collect(Collectors.joining(", "));
        return new Entry(e.chained() ? Long.toString(e.seq()) : "…", layout.time(e.at()), e.actor(), e.action(), e.entityType(), e.entityId(),
                details, e.clientIp());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
