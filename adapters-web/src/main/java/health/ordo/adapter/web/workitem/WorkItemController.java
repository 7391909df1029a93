package health.ordo.adapter.web.workitem;

import health.ordo.application.port.in.phi.PhiViewerQuery;
import health.ordo.adapter.web.problem.InvalidRequestException;
import health.ordo.adapter.web.problem.Problem;
import health.ordo.adapter.web.problem.ProblemType;
import health.ordo.adapter.web.problem.Problems;
import health.ordo.adapter.web.security.Caller;
import health.ordo.adapter.web.workitem.WorkItemDtos.BatchItemResult;
import health.ordo.adapter.web.workitem.WorkItemDtos.BatchRequest;
import health.ordo.adapter.web.workitem.WorkItemDtos.BatchResponse;
import health.ordo.adapter.web.workitem.WorkItemDtos.CreateWorkItemRequest;
import health.ordo.adapter.web.workitem.WorkItemDtos.FieldErrorDto;
import health.ordo.adapter.web.workitem.WorkItemDtos.TransitionRequest;
import health.ordo.adapter.web.workitem.WorkItemDtos.WorkItemPageResponse;
import health.ordo.adapter.web.workitem.WorkItemDtos.WorkItemResponse;
import health.ordo.application.port.in.workitem.ChangeWorkItemStatusUseCase;
import health.ordo.application.port.in.workitem.GetWorkItemQuery;
import health.ordo.application.port.in.workitem.IngestOutcome;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.application.port.in.workitem.ListWorkItemsQuery;
import health.ordo.application.port.in.workitem.PageCursor;
import health.ordo.application.port.in.workitem.WorkItemFilter;
import health.ordo.application.port.in.workitem.WorkItemNotFoundException;
import health.ordo.application.port.in.workitem.WorkItemPage;
import health.ordo.domain.workitem.LifecycleAction;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Work items over HTTP: create (one or a batch, idempotent on the source record), read, list, lifecycle. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Work items")
class WorkItemController {

    private final IngestWorkItemUseCase ingest;
    private final GetWorkItemQuery getQuery;
    private final ListWorkItemsQuery listQuery;
    private final ChangeWorkItemStatusUseCase changeStatus;
    private final WorkItemResponseMapper mapper;
    private final JsonMapper json;
    private final WorkItemViews views;
    private final PhiViewerQuery phi;

    WorkItemController(IngestWorkItemUseCase ingest, GetWorkItemQuery getQuery, ListWorkItemsQuery listQuery,
                       ChangeWorkItemStatusUseCase changeStatus, WorkItemResponseMapper mapper, JsonMapper json, WorkItemViews views,
                       PhiViewerQuery phi) {
        this.phi = phi;
        this.ingest = ingest;
        this.getQuery = getQuery;
        this.listQuery = listQuery;
        this.changeStatus = changeStatus;
        this.mapper = mapper;
        this.json = json;
        this.views = views;
    }

    private PhiViewerQuery.Viewer viewer(Caller caller, Authentication authentication) {
        return phi.viewer(caller.tenant(), caller.actor().name(), Set.copyOf(authentication.getRoles()));
    }

    @Post(value = "/work-items", consumes = MediaType.APPLICATION_JSON)
    @Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN", "INTEGRATION"})
    @Operation(summary = "Create a work item",
            description = "Idempotent on (source.system, source.externalId): a repeat with the same content returns "
                    + "the stored item with 200 and creates nothing; a repeat with different content is 409.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new item")
    @ApiResponse(responseCode = "200", description = "Already known with the same content: nothing created")
    @ApiResponse(responseCode = "400", description = "Invalid input (problem+json naming the fields)")
    @ApiResponse(responseCode = "409", description = "Known with different content (problem+json)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateWorkItemRequest.class)))
    HttpResponse<?> create(HttpRequest<?> request, Authentication authentication, @Body JsonNode body) {
        Caller caller = Caller.of(authentication);
        WorkItemContent content = WorkItemRequestReader.read(body, "", json);
        IngestOutcome outcome = ingest.ingest(caller.tenant(), content, caller.actor());
        if (outcome instanceof IngestOutcome.Created created) {
            return HttpResponse.created(mapper.toResponse(created.item()), location(created.item()));
        }
        if (outcome instanceof IngestOutcome.Duplicate duplicate) {
            return HttpResponse.ok(mapper.toResponse(duplicate.item())).header("Content-Location", location(duplicate.item()).toString());
        }
        if (outcome instanceof IngestOutcome.Conflict conflict) {
            return Problems.response(request, ProblemType.SOURCE_CONFLICT, "Work item " + conflict.existing().id()
                    + " already holds source record " + content.source().system() + "/" + content.source().externalId()
                    + " with different content; nothing was changed", List.of())
                    .header("Content-Location", location(conflict.existing()).toString());
        }
        IngestOutcome.Rejected rejected = (IngestOutcome.Rejected) outcome;
        return Problems.invalidField(request, rejected.field(), rejected.reason());
    }

    @Post(value = "/work-items:batch", consumes = MediaType.APPLICATION_JSON)
    @Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN", "INTEGRATION"})
    @Operation(summary = "Create up to 1000 work items",
            description = "Each item is ingested on its own: one bad item never drops the good ones. The response "
                    + "lists, per item in request order, created / duplicate / conflict / rejected with the fields at fault.")
    @ApiResponse(responseCode = "200", description = "Per-item results")
    BatchResponse createBatch(Authentication authentication, @Body BatchRequest body) {
        Caller caller = Caller.of(authentication);
        List<JsonNode> items = body.items();
        if (items == null || items.isEmpty() || items.size() > IngestWorkItemUseCase.MAX_BATCH) {
            throw new InvalidRequestException(List.of(new Problem.FieldError("items",
                    "items must hold 1 to " + IngestWorkItemUseCase.MAX_BATCH + " work items")));
        }
        BatchItemResult[] results = new BatchItemResult[items.size()];
        List<WorkItemContent> valid = new ArrayList<>();
        List<Integer> validIndexes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String prefix = "items[" + i + "].";
            try {
                valid.add(WorkItemRequestReader.read(items.get(i), prefix, json));
                validIndexes.add(i);
            } catch (InvalidRequestException e) {
                results[i] = new BatchItemResult(i, "rejected", null, null,
                        e.errors().stream().map(error -> new FieldErrorDto(error.field(), error.message())).toList());
            }
        }
        List<IngestOutcome> outcomes = ingest.ingestBatch(caller.tenant(), valid, caller.actor());
        for (int k = 0; k < outcomes.size(); k++) {
            results[validIndexes.get(k)] = result(validIndexes.get(k), outcomes.get(k));
        }
        List<BatchItemResult> list = List.of(results);
        return new BatchResponse(count(list, "created"), count(list, "duplicate"), count(list, "conflict"),
                count(list, "rejected"), list);
    }

    private static BatchItemResult result(int index, IngestOutcome outcome) {
        if (outcome instanceof IngestOutcome.Created created) {
            return new BatchItemResult(index, "created", created.item().id().toString(), created.item().status().name(), null);
        }
        if (outcome instanceof IngestOutcome.Duplicate duplicate) {
            return new BatchItemResult(index, "duplicate", duplicate.item().id().toString(), duplicate.item().status().name(), null);
        }
        if (outcome instanceof IngestOutcome.Conflict conflict) {
            return new BatchItemResult(index, "conflict", conflict.existing().id().toString(), conflict.existing().status().name(),
                    List.of(new FieldErrorDto("items[" + index + "].source",
                            "already known with different content; nothing was changed")));
        }
        IngestOutcome.Rejected rejected = (IngestOutcome.Rejected) outcome;
        return new BatchItemResult(index, "rejected", null, null,
                List.of(new FieldErrorDto("items[" + index + "]." + rejected.field(), rejected.reason())));
    }

    private static int count(List<BatchItemResult> results, String outcome) {
        return (int) results.stream().filter(r -> r.outcome().equals(outcome)).count();
    }

    @Get("/work-items{?status,type,queue,assignee,sla,limit,cursor}")
    @Operation(summary = "List work items by priority",
            description = "Sorted by priorityScore (highest first), then binding deadline (soonest first, none last). "
                    + "Cursor pagination: pass nextCursor as ?cursor= for the next page. sla=at_risk|breached|running|paused "
                    + "filters open items by the state of their SLA clock.")
    WorkItemPageResponse list(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String status,
                              @Nullable @QueryValue String type, @Nullable @QueryValue String queue,
                              @Nullable @QueryValue String assignee, @Nullable @QueryValue String sla,
                              @Nullable @QueryValue Integer limit,
                              @Nullable @QueryValue String cursor) {
        Caller caller = Caller.of(authentication);
        WorkItemFilter base = views.filter(status, type, queue, assignee);
        WorkItemFilter filter = new WorkItemFilter(base.status(), base.type(), base.queue(), base.assignee(), slaState(sla));
        PageCursor after = cursor == null || cursor.isBlank() ? null : PageCursor.decode(cursor);
        WorkItemPage page = listQuery.list(caller.tenant(), filter, after,
                limit == null ? ListWorkItemsQuery.DEFAULT_LIMIT : limit);
        PhiViewerQuery.Viewer viewer = viewer(caller, authentication);
        request.setAttribute("ordo.audit.count", page.items().size()); // the audit entry of this read records how many
        return new WorkItemPageResponse(page.items().stream().map(mapper::toResponse).map(r -> PhiMask.forViewer(r, viewer)).toList(),
                page.next() == null ? null : page.next().encode());
    }

    @Get("/work-items/{id}")
    @Operation(summary = "Get a work item with its history")
    @ApiResponse(responseCode = "404", description = "No such item in your tenant")
    WorkItemResponse get(Authentication authentication, @PathVariable String id) {
        Caller caller = Caller.of(authentication);
        WorkItemId itemId = WorkItemId.parse(id);
        return getQuery.get(caller.tenant(), itemId)
                .map(mapper::toResponse)
                .map(r -> PhiMask.forViewer(r, viewer(caller, authentication)))
                .orElseThrow(() -> new WorkItemNotFoundException(itemId));
    }

    @Post("/work-items/{id}/claim")
    @Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN"})
    @Operation(summary = "Claim: READY → CLAIMED, assigned to the caller")
    @ApiResponse(responseCode = "409", description = "The item's state does not allow it (problem+json with rule)")
    WorkItemResponse claim(Authentication authentication, @PathVariable String id) {
        return apply(authentication, id, LifecycleAction.CLAIM, null);
    }

    @Post("/work-items/{id}/start")
    @Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN"})
    @Operation(summary = "Start: CLAIMED → IN_PROGRESS")
    WorkItemResponse start(Authentication authentication, @PathVariable String id) {
        return apply(authentication, id, LifecycleAction.START, null);
    }

    @Post("/work-items/{id}/hold")
    @Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN"})
    @Operation(summary = "Hold: IN_PROGRESS → ON_HOLD; body {\"reason\": …} required")
    WorkItemResponse hold(Authentication authentication, @PathVariable String id, @Nullable @Body TransitionRequest body) {
        return apply(authentication, id, LifecycleAction.HOLD, body == null ? null : body.reason());
    }

    @Post("/work-items/{id}/resume")
    @Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN"})
    @Operation(summary = "Resume: ON_HOLD → IN_PROGRESS")
    WorkItemResponse resume(Authentication authentication, @PathVariable String id) {
        return apply(authentication, id, LifecycleAction.RESUME, null);
    }

    @Post("/work-items/{id}/complete")
    @Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN"})
    @Operation(summary = "Complete: IN_PROGRESS → COMPLETED; body {\"resolutionCode\": …} required")
    WorkItemResponse complete(Authentication authentication, @PathVariable String id, @Nullable @Body TransitionRequest body) {
        return apply(authentication, id, LifecycleAction.COMPLETE, body == null ? null : body.resolutionCode());
    }

    @Post("/work-items/{id}/cancel")
    @Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN"})
    @Operation(summary = "Cancel: any open state → CANCELLED; body {\"reason\": …} required")
    WorkItemResponse cancel(Authentication authentication, @PathVariable String id, @Nullable @Body TransitionRequest body) {
        return apply(authentication, id, LifecycleAction.CANCEL, body == null ? null : body.reason());
    }

    @Post("/work-items/{id}/release")
    @Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN"})
    @Operation(summary = "Release: CLAIMED, IN_PROGRESS or ON_HOLD → READY, unassigned")
    WorkItemResponse release(Authentication authentication, @PathVariable String id) {
        return apply(authentication, id, LifecycleAction.RELEASE, null);
    }

    private WorkItemResponse apply(Authentication authentication, String id, LifecycleAction action, String note) {
        Caller caller = Caller.of(authentication);
        WorkItem item = changeStatus.apply(caller.tenant(), WorkItemId.parse(id), action, note, caller.actor());
        return mapper.toResponse(item);
    }

    private static URI location(WorkItem item) {
        return URI.create("/api/v1/work-items/" + item.id());
    }

    private static String slaState(String sla) {
        if (sla == null || sla.isBlank()) {
            return null;
        }
        return switch (sla.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "at_risk" -> "AT_RISK";
            case "breached" -> "BREACHED";
            case "running" -> "RUNNING";
            case "paused" -> "PAUSED";
            default -> throw new health.ordo.domain.shared.InvalidValueException("sla", "sla is one of at_risk, breached, running, paused");
        };
    }
}
