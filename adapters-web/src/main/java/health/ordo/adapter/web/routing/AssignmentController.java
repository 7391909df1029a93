package health.ordo.adapter.web.routing;

import health.ordo.adapter.web.routing.RoutingDtos.AssignDto;
import health.ordo.adapter.web.routing.RoutingDtos.BulkDto;
import health.ordo.adapter.web.routing.RoutingDtos.BulkResultDto;
import health.ordo.adapter.web.routing.RoutingDtos.FilterDto;
import health.ordo.adapter.web.routing.RoutingDtos.TransferDto;
import health.ordo.adapter.web.security.Caller;
import health.ordo.adapter.web.workitem.WorkItemDtos;
import health.ordo.adapter.web.workitem.WorkItemViews;
import health.ordo.application.port.in.routing.AssignWorkUseCase;
import health.ordo.application.port.in.workitem.WorkItemFilter;
import health.ordo.domain.workitem.WorkItemId;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Supervisor actions: assign to a worker, transfer to a queue, re-route by the rules; one item or many. */
@Controller("/api/v1")
@Secured({"SUPERVISOR", "TENANT_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Routing")
class AssignmentController {

    private final AssignWorkUseCase assignments;
    private final WorkItemViews views;

    AssignmentController(AssignWorkUseCase assignments, WorkItemViews views) {
        this.assignments = assignments;
        this.views = views;
    }

    @Post(value = "/work-items/{id}/assign", consumes = MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign a READY or CLAIMED item to a worker (it becomes CLAIMED by them)")
    WorkItemDtos.WorkItemResponse assign(Authentication authentication, @PathVariable String id, @Body AssignDto body) {
        Caller caller = Caller.of(authentication);
        return views.summary(assignments.assign(caller.tenant(), WorkItemId.parse(id), body.worker(), caller.actor()));
    }

    @Post(value = "/work-items/{id}/transfer", consumes = MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a READY or CLAIMED item to another queue (READY there, unassigned)")
    WorkItemDtos.WorkItemResponse transfer(Authentication authentication, @PathVariable String id, @Body TransferDto body) {
        Caller caller = Caller.of(authentication);
        return views.summary(assignments.transfer(caller.tenant(), WorkItemId.parse(id), body.queue(), caller.actor()));
    }

    @Post("/work-items/{id}/reroute")
    @Operation(summary = "Route the item again by the current routing rules")
    WorkItemDtos.WorkItemResponse reroute(Authentication authentication, @PathVariable String id) {
        Caller caller = Caller.of(authentication);
        return views.summary(assignments.reroute(caller.tenant(), WorkItemId.parse(id), caller.actor()));
    }

    @Post(value = "/work-items:assign", consumes = MediaType.APPLICATION_JSON)
    @Operation(summary = "Bulk: assign to a worker or transfer to a queue up to `limit` items matching a filter")
    BulkResultDto bulk(Authentication authentication, @Body BulkDto body) {
        Caller caller = Caller.of(authentication);
        FilterDto filter = body.filter() == null ? new FilterDto(null, null, null, null) : body.filter();
        WorkItemFilter itemFilter = views.filter(filter.status(), filter.type(), filter.queue(), filter.assignee());
        AssignWorkUseCase.BulkResult result = assignments.bulk(caller.tenant(), itemFilter, body.worker(), body.queue(),
                body.limit() == null ? 100 : body.limit(), caller.actor());
        return new BulkResultDto(result.matched(), result.changed(), result.skipped());
    }
}
