package health.ordo.adapter.web.priority;

import health.ordo.adapter.web.api.PathIds;
import health.ordo.adapter.web.priority.PriorityDtos.JobResponse;
import health.ordo.adapter.web.priority.PriorityDtos.MoveDto;
import health.ordo.adapter.web.priority.PriorityDtos.PolicyRequest;
import health.ordo.adapter.web.priority.PriorityDtos.PolicyResponse;
import health.ordo.adapter.web.priority.PriorityDtos.SettingsDto;
import health.ordo.adapter.web.priority.PriorityDtos.SimulationRequest;
import health.ordo.adapter.web.priority.PriorityDtos.SimulationResponse;
import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.priority.GetJobQuery;
import health.ordo.application.port.in.priority.JobNotFoundException;
import health.ordo.application.port.in.priority.JobStatus;
import health.ordo.application.port.in.priority.ManagePriorityPoliciesUseCase;
import health.ordo.application.port.in.priority.PolicyNotFoundException;
import health.ordo.application.port.in.priority.PrioritySettings;
import health.ordo.application.port.in.priority.PrioritySettingsUseCase;
import health.ordo.application.port.in.priority.SimulatePolicyUseCase;
import health.ordo.domain.priority.PolicyDefinition;
import health.ordo.domain.priority.PolicySimulation;
import health.ordo.domain.priority.PriorityPolicy;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Priority policies (TENANT_ADMIN), their simulation, re-scoring jobs and the tenant's priority settings. */
@Controller("/api/v1")
@Secured("TENANT_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Prioritization")
class PriorityPolicyController {

    private final ManagePriorityPoliciesUseCase policies;
    private final SimulatePolicyUseCase simulation;
    private final GetJobQuery jobs;
    private final PrioritySettingsUseCase settings;

    PriorityPolicyController(ManagePriorityPoliciesUseCase policies, SimulatePolicyUseCase simulation, GetJobQuery jobs,
                             PrioritySettingsUseCase settings) {
        this.policies = policies;
        this.simulation = simulation;
        this.jobs = jobs;
        this.settings = settings;
    }

    @Get("/priority-policies")
    @Secured({"TENANT_ADMIN", "SUPERVISOR"})
    @Operation(summary = "List every version of the tenant's priority policies",
            description = "Until a policy is activated, items are scored by Ordo's built-in standard policy.")
    List<PolicyResponse> list(Authentication authentication) {
        return policies.list(Caller.of(authentication).tenant()).stream().map(PolicyRequests::toResponse).toList();
    }

    @Post(value = "/priority-policies", consumes = MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a new draft version of a policy (version numbers count up per policyId)")
    @ApiResponse(responseCode = "201", description = "Draft created; Location names the version")
    @ApiResponse(responseCode = "400", description = "Invalid policy: the problem lists each part at fault")
    HttpResponse<PolicyResponse> create(Authentication authentication, @Body PolicyRequest body) {
        Caller caller = Caller.of(authentication);
        InvalidValueException.require(body.policyId() != null, "policyId", "policyId is required");
        PolicyDefinition definition = PolicyRequests.toDefinition(body);
        PriorityPolicy draft = policies.draft(caller.tenant(), body.policyId(),
                PolicyRequests.appliesTo(body.appliesTo(), "appliesTo"), body.description(), definition, caller.actor());
        return HttpResponse.created(PolicyRequests.toResponse(draft),
                URI.create("/api/v1/priority-policies/" + draft.policyId() + "/versions/" + draft.version()));
    }

    @Get("/priority-policies/{policyId}/versions/{version}")
    @Secured({"TENANT_ADMIN", "SUPERVISOR"})
    @Operation(summary = "One version of a policy")
    PolicyResponse version(Authentication authentication, @PathVariable String policyId, @PathVariable int version) {
        return policies.get(Caller.of(authentication).tenant(), policyId, version).map(PolicyRequests::toResponse)
                .orElseThrow(() -> new PolicyNotFoundException(policyId, version));
    }

    @Post("/priority-policies/{policyId}/versions/{version}:activate")
    @Operation(summary = "Activate a version; the open backlog is re-scored by a background job",
            description = "Answers 202 with the job; follow it at GET /api/v1/jobs/{id} (progress in percent and ETA).")
    @ApiResponse(responseCode = "202", description = "Activated; re-scoring job started")
    HttpResponse<JobResponse> activate(Authentication authentication, @PathVariable String policyId, @PathVariable int version) {
        Caller caller = Caller.of(authentication);
        JobStatus job = policies.activate(caller.tenant(), policyId, version, caller.actor());
        return HttpResponse.status(HttpStatus.ACCEPTED).body(toResponse(job)).header("Location", "/api/v1/jobs/" + job.id());
    }

    @Post(value = "/priority-policies:simulate", consumes = MediaType.APPLICATION_JSON)
    @Operation(summary = "What-if: compare a draft with the active policies on the live open backlog, changing nothing",
            description = "Reports rank changes, Kendall tau, top-N entering and leaving, money in the top N before and after, "
                    + "and items due within N business days that fall outside the top N.")
    SimulationResponse simulate(Authentication authentication, @Body SimulationRequest body) {
        Caller caller = Caller.of(authentication);
        PolicyDefinition definition;
        WorkItemType appliesTo;
        if (body.draft() != null) {
            definition = PolicyRequests.toDefinition(body.draft());
            appliesTo = PolicyRequests.appliesTo(body.appliesTo() != null ? body.appliesTo() : body.draft().appliesTo(), "appliesTo");
        } else {
            InvalidValueException.require(body.policyId() != null && body.version() != null, "draft",
                    "give a draft, or a stored version by policyId and version");
            PriorityPolicy stored = policies.get(caller.tenant(), body.policyId(), body.version())
                    .orElseThrow(() -> new PolicyNotFoundException(body.policyId(), body.version()));
            definition = stored.definition();
            appliesTo = stored.appliesTo();
        }
        PolicySimulation.Report report = simulation.simulate(caller.tenant(), definition, appliesTo,
                body.topN() == null ? 20 : body.topN(),
                body.urgentWithinBusinessDays() == null ? 2 : body.urgentWithinBusinessDays().doubleValue());
        return new SimulationResponse(report.items(), report.rankChanges(), round(report.kendallTau(), 4), report.topN(),
                moves(report.entering()), moves(report.leaving()), report.moneyInTopNBefore(), report.moneyInTopNAfter(),
                round(report.deadlineWithinBusinessDays(), 2), report.urgentOutsideTopNBefore(), report.urgentOutsideTopNAfter());
    }

    @Get("/jobs/{id}")
    @Secured({"TENANT_ADMIN", "SUPERVISOR"})
    @Operation(summary = "A background job: state, progress in percent, ETA")
    JobResponse job(Authentication authentication, @PathVariable String id) {
        UUID jobId = PathIds.uuid(id, notAUuid -> new InvalidValueException("id", "id must be a UUID"));
        return jobs.job(Caller.of(authentication).tenant(), jobId).map(PriorityPolicyController::toResponse)
                .orElseThrow(() -> new JobNotFoundException(id));
    }

    @Get("/priority-settings")
    @Secured({"TENANT_ADMIN", "SUPERVISOR"})
    @Operation(summary = "Override reason codes and the approval threshold")
    SettingsDto settings(Authentication authentication) {
        PrioritySettings current = settings.settings(Caller.of(authentication).tenant());
        return new SettingsDto(current.overrideReasonCodes(), current.approvalThresholdPoints());
    }

    @Put(value = "/priority-settings", consumes = MediaType.APPLICATION_JSON)
    @Operation(summary = "Change override reason codes and the approval threshold")
    SettingsDto updateSettings(Authentication authentication, @Body SettingsDto body) {
        PrioritySettings updated = settings.update(Caller.of(authentication).tenant(),
                new PrioritySettings(body.overrideReasonCodes(), body.approvalThresholdPoints()));
        return new SettingsDto(updated.overrideReasonCodes(), updated.approvalThresholdPoints());
    }

    private static List<MoveDto> moves(List<PolicySimulation.Move> moves) {
        return moves.stream().map(m -> new MoveDto(m.id(), m.title(), m.rankBefore(), m.rankAfter(), round(m.scoreBefore(), 2),
                round(m.scoreAfter(), 2))).toList();
    }

    private static BigDecimal round(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }

    static JobResponse toResponse(JobStatus job) {
        return new JobResponse(job.id().toString(), job.kind(), job.subject(), job.state().name(), job.total(), job.done(),
                job.percent(), job.createdAt().toString(), iso(job.startedAt()), iso(job.finishedAt()), iso(job.eta()), job.message());
    }

    private static String iso(java.time.Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
