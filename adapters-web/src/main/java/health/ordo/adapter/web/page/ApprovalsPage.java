package health.ordo.adapter.web.page;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.approval.ApprovalNotFoundException;
import health.ordo.application.port.in.approval.ManageApprovalsUseCase;
import health.ordo.domain.approval.ApprovalKind;
import health.ordo.domain.approval.ApprovalRequest;
import health.ordo.domain.workitem.NotAllowedException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The approvals inbox (maker-checker) for supervisors and tenant admins: the requests waiting for a second person, each
 * with what it would do and who asked, and the recent decisions. Approving or rejecting goes through the same use case as
 * {@code POST /api/v1/approvals/{id}:approve}: nobody decides their own request, and configuration (policy activations,
 * credentials, classifiers) is decided by a tenant admin only; the page says so instead of offering the buttons.
 */
@Controller("/ui")
@Produces(MediaType.TEXT_HTML)
@Hidden
@Secured({"SUPERVISOR", "TENANT_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ApprovalsPage {

    /** Outcomes shown after a decision, by the rule that refused it or the decision taken. */
    private static final Set<String> MESSAGES = Set.of("approved", "rejected", "FOUR_EYES", "ADMIN_APPROVES_CONFIGURATION",
            "APPROVAL_EXPIRED", "DECIDED_ONCE", "EXPIRES_WHEN_OVERDUE", "gone");

    /**
     * One request.
     *
     * @param why why this user cannot decide it (a message key), null when they can
     */
    public record Row(String id, String kind, String subject, String summary, String requestedBy, String requestedAt, String status,
                      String decidedBy, String decidedAt, String note, String outcome, String why) {
    }

    /** The page. */
    public record Inbox(List<Row> pending, List<Row> decided, String message) {
    }

    private final Pages pages;
    private final ManageApprovalsUseCase approvals;

    ApprovalsPage(Pages pages, ManageApprovalsUseCase approvals) {
        this.pages = pages;
        this.approvals = approvals;
    }

    @Get("/approvals")
    HttpResponse<?> inbox(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue("m") String message) {
        Caller caller = Caller.of(authentication);
        Layout layout = pages.layout(request, authentication, "@approvals.title", "approvals");
        List<Row> pending = approvals.list(caller.tenant(), ApprovalRequest.Status.PENDING, 100).stream()
                .map(r -> row(r, layout, why(r, caller, layout))).toList();
        List<Row> decided = approvals.list(caller.tenant(), null, 60).stream()
                .filter(r -> r.status() != ApprovalRequest.Status.PENDING).limit(25).map(r -> row(r, layout, null)).toList();
        String shown = message != null && MESSAGES.contains(message) ? layout.t().get("approvals.m." + message) : null;
        return pages.page(request, authentication, HttpStatus.OK, "approvals", layout, new Inbox(pending, decided, shown));
    }

    @Post(value = "/approvals/{id}/{decision}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> decide(HttpRequest<?> request, Authentication authentication, @PathVariable String id, @PathVariable String decision,
                           @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        Caller caller = Caller.of(authentication);
        UUID uuid = Pages.uuid(id);
        if (uuid == null || !(decision.equals("approve") || decision.equals("reject"))) {
            return HttpResponse.notFound();
        }
        String note = form == null || form.get("note") == null || form.get("note").isBlank() ? null : form.get("note").strip();
        boolean admin = authentication.getRoles().contains("TENANT_ADMIN");
        try {
            if (decision.equals("approve")) {
                approvals.approve(caller.tenant(), uuid, caller.actor(), admin, note);
            } else {
                approvals.reject(caller.tenant(), uuid, caller.actor(), admin, note);
            }
        } catch (NotAllowedException e) {
            return Pages.seeOther("/ui/approvals?m=" + (MESSAGES.contains(e.rule()) ? e.rule() : "gone"));
        } catch (ApprovalNotFoundException e) {
            return Pages.seeOther("/ui/approvals?m=gone");
        }
        return Pages.seeOther("/ui/approvals?m=" + (decision.equals("approve") ? "approved" : "rejected"));
    }

    /** Why the caller may not decide the request, as a message key; null when they may. */
    private static String why(ApprovalRequest request, Caller caller, Layout layout) {
        if (request.requestedBy().equals(caller.actor().name())) {
            return "approvals.why.own";
        }
        if (request.kind() != ApprovalKind.WRITE_OFF && !layout.admin()) {
            return "approvals.why.admin";
        }
        return null;
    }

    private static Row row(ApprovalRequest r, Layout layout, String why) {
        return new Row(r.id().toString(), layout.t().get("approvals.kind." + r.kind().name()), r.subject(), r.summary(), r.requestedBy(),
                layout.time(r.requestedAt()), r.status().name(), r.decidedBy(), layout.time(r.decidedAt()), r.note(), r.outcome(),
                why == null ? null : layout.t().get(why));
    }

}
