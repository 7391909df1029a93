package health.ordo.adapter.web.priority;

import health.ordo.adapter.web.priority.PriorityDtos.OverrideRequest;
import health.ordo.adapter.web.priority.PriorityDtos.ScoreResponse;
import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.priority.OverridePriorityUseCase;
import health.ordo.application.port.in.workitem.GetWorkItemQuery;
import health.ordo.application.port.in.workitem.WorkItemNotFoundException;
import health.ordo.domain.score.OverrideTarget;
import health.ordo.domain.score.PriorityScore;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemId;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/** An item's score explanation and the human overrides on top of it. */
@Controller("/api/v1/work-items/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Prioritization")
class WorkItemPriorityController {

    private final GetWorkItemQuery getQuery;
    private final OverridePriorityUseCase overrides;
    private final ScoreMapper mapper;

    WorkItemPriorityController(GetWorkItemQuery getQuery, OverridePriorityUseCase overrides, ScoreMapper mapper) {
        this.getQuery = getQuery;
        this.overrides = overrides;
        this.mapper = mapper;
    }

    @Get("/score")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "The item's score: factor by factor, rules fired, policy and version, override on top")
    ScoreResponse score(Authentication authentication, @PathVariable String id) {
        WorkItemId itemId = WorkItemId.parse(id);
        return getQuery.get(Caller.of(authentication).tenant(), itemId).map(mapper::toScore)
                .orElseThrow(() -> new WorkItemNotFoundException(itemId));
    }

    @Post(value = "/priority-override", consumes = MediaType.APPLICATION_JSON)
    @Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN"})
    @Operation(summary = "Override the item's priority (pin to top or bottom, or a score) with reason, comment and expiry",
            description = "An override moving the item by more than the tenant's threshold waits for a second supervisor's "
                    + "approval. A WORKER (without a supervisor's role) asks for a change of an item assigned to them: it always "
                    + "waits for a supervisor's approval, and is refused (403) while another override is in place.")
    @ApiResponse(responseCode = "201", description = "Override recorded (ACTIVE, or PENDING_APPROVAL)")
    HttpResponse<ScoreResponse> override(Authentication authentication, @PathVariable String id, @Body OverrideRequest body) {
        Caller caller = Caller.of(authentication);
        OverrideTarget target = target(body);
        boolean lead = authentication.getRoles().contains("SUPERVISOR") || authentication.getRoles().contains("TENANT_ADMIN");
        WorkItem item = lead
                ? overrides.requestOverride(caller.tenant(), WorkItemId.parse(id), target, body.reasonCode(), body.comment(),
                instant(body.expiresAt()), caller.actor())
                : overrides.requestOverrideForApproval(caller.tenant(), WorkItemId.parse(id), target, body.reasonCode(), body.comment(),
                instant(body.expiresAt()), caller.actor());
        return HttpResponse.created(scoreOf(caller, item));
    }

    @Post("/priority-override/{overrideId}:approve")
    @Secured({"SUPERVISOR", "TENANT_ADMIN"})
    @Operation(summary = "Approve a pending override (by someone other than its requester)")
    ScoreResponse approve(Authentication authentication, @PathVariable String id, @PathVariable String overrideId) {
        Caller caller = Caller.of(authentication);
        UUID parsed;
        try {
            parsed = UUID.fromString(overrideId);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("overrideId", "overrideId must be a UUID");
        }
        return scoreOf(caller, overrides.approveOverride(caller.tenant(), WorkItemId.parse(id), parsed, caller.actor()));
    }

    private ScoreResponse scoreOf(Caller caller, WorkItem changed) {
        return getQuery.get(caller.tenant(), changed.id()).map(mapper::toScore)
                .orElseThrow(() -> new WorkItemNotFoundException(changed.id()));
    }

    private static OverrideTarget target(OverrideRequest body) {
        InvalidValueException.require(body.target() != null, "target", "target is one of PIN_TOP, PIN_BOTTOM, SCORE");
        OverrideTarget.Kind kind;
        try {
            kind = OverrideTarget.Kind.valueOf(body.target().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("target", "target is one of PIN_TOP, PIN_BOTTOM, SCORE");
        }
        return new OverrideTarget(kind, body.score() == null ? null : new PriorityScore(body.score()));
    }

    private static Instant instant(String text) {
        InvalidValueException.require(text != null && !text.isBlank(), "expiresAt", "expiresAt is required");
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("expiresAt", "expiresAt must be an ISO-8601 date-time with offset");
        }
    }
}
