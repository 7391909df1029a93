package health.ordo.adapter.web.page;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.priority.OverridePriorityUseCase;
import health.ordo.domain.score.OverrideTarget;
import health.ordo.domain.score.PriorityOverride;
import health.ordo.domain.score.PriorityScore;
import health.ordo.domain.shared.DomainException;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The item page's priority change: a worker asks for one on their own item (it waits for a supervisor), a supervisor
 * changes it (beyond the tenant's threshold it waits for a second one) or approves one someone else asked for. The same
 * use case as {@code POST /api/v1/work-items/{id}/priority-override}; the outcome comes back as the item page's message.
 */
@Controller("/ui/items/{id}/priority")
@Produces(MediaType.TEXT_HTML)
@Hidden
@Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ItemOverridePage {

    private final Pages pages;
    private final OverridePriorityUseCase overrides;
    private final Clock clock;

    ItemOverridePage(Pages pages, OverridePriorityUseCase overrides, Clock clock) {
        this.pages = pages;
        this.overrides = overrides;
        this.clock = clock;
    }

    @Post(value = "/override", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> ask(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                        @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        UUID uuid = Pages.uuid(id);
        if (uuid == null || form == null) {
            return HttpResponse.notFound();
        }
        Caller caller = Caller.of(authentication);
        boolean lead = authentication.getRoles().contains("SUPERVISOR") || authentication.getRoles().contains("TENANT_ADMIN");
        try {
            OverrideTarget target = target(form.get("target"), form.get("score"));
            int days = Integer.parseInt(form.getOrDefault("days", "1").strip());
            InvalidValueException.require(days >= 1 && days <= 90, "days", "an override lasts 1 to 90 days");
            String comment = form.get("comment") == null || form.get("comment").isBlank() ? null : form.get("comment").strip();
            WorkItem item = lead
                    ? overrides.requestOverride(caller.tenant(), new WorkItemId(uuid), target, form.get("reasonCode"), comment,
                    clock.instant().plus(Duration.ofDays(days)), caller.actor())
                    : overrides.requestOverrideForApproval(caller.tenant(), new WorkItemId(uuid), target, form.get("reasonCode"), comment,
                    clock.instant().plus(Duration.ofDays(days)), caller.actor());
            boolean applied = item.priorityOverride() != null && item.priorityOverride().status() == PriorityOverride.Status.ACTIVE;
            return Pages.seeOther("/ui/items/" + uuid + "?m=" + (applied ? "override-applied" : "override-asked"));
        } catch (InvalidValueException | NumberFormatException e) {
            return Pages.seeOther("/ui/items/" + uuid + "?m=override-invalid");
        } catch (DomainException e) {
            return Pages.seeOther("/ui/items/" + uuid + "?m=override-refused");
        }
    }

    @Post(value = "/override/{overrideId}/approve", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"SUPERVISOR", "TENANT_ADMIN"})
    HttpResponse<?> approve(HttpRequest<?> request, Authentication authentication, @PathVariable String id, @PathVariable String overrideId,
                            @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        UUID uuid = Pages.uuid(id);
        UUID override = Pages.uuid(overrideId);
        if (uuid == null || override == null) {
            return HttpResponse.notFound();
        }
        Caller caller = Caller.of(authentication);
        try {
            overrides.approveOverride(caller.tenant(), new WorkItemId(uuid), override, caller.actor());
            return Pages.seeOther("/ui/items/" + uuid + "?m=override-approved");
        } catch (DomainException e) {
            return Pages.seeOther("/ui/items/" + uuid + "?m=override-refused");
        }
    }

    private static OverrideTarget target(String target, String score) {
        if ("SCORE".equals(target)) {
            InvalidValueException.require(score != null && !score.isBlank(), "score", "a score is required");
            return new OverrideTarget(OverrideTarget.Kind.SCORE, new PriorityScore(new BigDecimal(score.strip())));
        }
        return new OverrideTarget("PIN_BOTTOM".equals(target) ? OverrideTarget.Kind.PIN_BOTTOM : OverrideTarget.Kind.PIN_TOP, null);
    }

}
