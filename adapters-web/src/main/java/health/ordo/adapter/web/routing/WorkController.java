package health.ordo.adapter.web.routing;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.http.annotation.Body;
import io.micronaut.core.annotation.Nullable;
import health.ordo.adapter.web.security.Caller;
import health.ordo.adapter.web.workitem.WorkItemViews;
import health.ordo.application.port.in.routing.GetNextWorkUseCase;
import health.ordo.domain.workitem.WorkItem;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.Optional;

/** Get next work: one call claims the best item the caller may and can work now. */
@Controller("/api/v1/work")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Routing")
class WorkController {

    @Serdeable
    record NextRequest(@Schema(description = "also start the item (IN_PROGRESS) in the same step; the reservation timeout "
            + "then does not apply") @Nullable Boolean start) {
    }

    private final GetNextWorkUseCase nextWork;
    private final WorkItemViews views;

    WorkController(GetNextWorkUseCase nextWork, WorkItemViews views) {
        this.nextWork = nextWork;
        this.views = views;
    }

    @Post("/next")
    @Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN"})
    @Operation(summary = "Claim the next item",
            description = "The highest-priority READY item across the caller's queues (tried in fair-share order by queue "
                    + "weight) whose skills the caller meets and whose size fits the caller's remaining capacity, claimed "
                    + "atomically. 204 when nothing fits (no work, capacity full, or unavailable).")
    @ApiResponse(responseCode = "200", description = "The claimed item (CLAIMED, or IN_PROGRESS with {\"start\": true}, assigned to the caller)")
    @ApiResponse(responseCode = "204", description = "Nothing fits right now")
    @ApiResponse(responseCode = "403", description = "The caller has no worker profile")
    HttpResponse<?> next(Authentication authentication, @Nullable @Body NextRequest body) {
        Caller caller = Caller.of(authentication);
        Optional<WorkItem> claimed = nextWork.next(caller.tenant(), caller.actor(), body != null && Boolean.TRUE.equals(body.start()));
        return claimed.<HttpResponse<?>>map(item -> HttpResponse.ok(views.summary(item))
                        .header("Content-Location", URI.create("/api/v1/work-items/" + item.id()).toString()))
                .orElseGet(HttpResponse::noContent);
    }
}
