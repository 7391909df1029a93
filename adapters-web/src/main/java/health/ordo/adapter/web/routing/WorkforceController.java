package health.ordo.adapter.web.routing;

import health.ordo.adapter.web.problem.Problem;
import health.ordo.adapter.web.problem.ProblemType;
import health.ordo.adapter.web.problem.Problems;
import health.ordo.adapter.web.routing.RoutingDtos.AvailabilityDto;
import health.ordo.adapter.web.routing.RoutingDtos.QueueDto;
import health.ordo.adapter.web.routing.RoutingDtos.QueueStatsDto;
import health.ordo.adapter.web.routing.RoutingDtos.RuleDto;
import health.ordo.adapter.web.routing.RoutingDtos.WorkerDto;
import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.routing.ManageWorkforceUseCase;
import health.ordo.application.port.in.routing.QueueStats;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** Queues, workers and routing rules (TENANT_ADMIN), availability and statistics (SUPERVISOR too). */
@Controller("/api/v1")
@Secured("TENANT_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Routing")
class WorkforceController {

    private final ManageWorkforceUseCase workforce;

    WorkforceController(ManageWorkforceUseCase workforce) {
        this.workforce = workforce;
    }

    private static TenantId tenant(Authentication authentication) {
        return Caller.of(authentication).tenant();
    }

    @Get("/queues")
    @Secured({"TENANT_ADMIN", "SUPERVISOR"})
    List<QueueDto> queues(Authentication authentication) {
        return workforce.queues(tenant(authentication)).stream().map(QueueDto::of).toList();
    }

    @Get("/queues/{id}")
    @Secured({"TENANT_ADMIN", "SUPERVISOR"})
    HttpResponse<?> queue(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        return workforce.queue(tenant(authentication), id).<HttpResponse<?>>map(q -> HttpResponse.ok(QueueDto.of(q)))
                .orElseGet(() -> notFound(request, "queue " + id));
    }

    @Put(value = "/queues/{id}", consumes = MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or change a queue (weight = fair share, reservation timeout)")
    @ApiResponse(responseCode = "201", description = "The queue was created")
    HttpResponse<QueueDto> saveQueue(Authentication authentication, @PathVariable String id, @Body QueueDto body) {
        TenantId tenant = tenant(authentication);
        boolean existed = workforce.queue(tenant, id).isPresent();
        return createdOrOk(existed, QueueDto.of(workforce.saveQueue(body.toQueue(tenant, id))), "/api/v1/queues/" + id);
    }

    @Delete("/queues/{id}")
    @Operation(summary = "Delete a queue that holds no open work")
    HttpResponse<?> deleteQueue(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        TenantId tenant = tenant(authentication);
        if (workforce.deleteQueue(tenant, id)) {
            return HttpResponse.noContent();
        }
        List<String> users = workforce.queueUsers(tenant, id);
        return Problems.response(request, ProblemType.CONCURRENT_UPDATE, "queue " + id + (users.isEmpty() ? " still holds open work"
                : " is still used by " + String.join(", ", users)), List.of());
    }

    @Get("/queues/{id}/stats")
    @Secured({"TENANT_ADMIN", "SUPERVISOR"})
    @Operation(summary = "Depth (READY items), age of the oldest READY item, items by status")
    QueueStatsDto stats(Authentication authentication, @PathVariable String id) {
        QueueStats stats = workforce.stats(tenant(authentication), id);
        return new QueueStatsDto(stats.queue(), stats.depth(),
                stats.oldestReadyAge() == null ? null : stats.oldestReadyAge().toSeconds(), stats.byStatus());
    }

    @Get("/workers")
    @Secured({"TENANT_ADMIN", "SUPERVISOR"})
    List<WorkerDto> workers(Authentication authentication) {
        return workforce.workers(tenant(authentication)).stream().map(WorkerDto::of).toList();
    }

    @Get("/workers/{login}")
    @Secured({"TENANT_ADMIN", "SUPERVISOR"})
    HttpResponse<?> worker(HttpRequest<?> request, Authentication authentication, @PathVariable String login) {
        return workforce.worker(tenant(authentication), login).<HttpResponse<?>>map(w -> HttpResponse.ok(WorkerDto.of(w)))
                .orElseGet(() -> notFound(request, "worker " + login));
    }

    @Put(value = "/workers/{login}", consumes = MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or change a worker profile: queues, skills (1-5), capacity, availability")
    @ApiResponse(responseCode = "201", description = "The worker profile was created")
    HttpResponse<WorkerDto> saveWorker(Authentication authentication, @PathVariable String login, @Body WorkerDto body) {
        TenantId tenant = tenant(authentication);
        boolean existed = workforce.worker(tenant, login).isPresent();
        return createdOrOk(existed, WorkerDto.of(workforce.saveWorker(body.toWorker(tenant, login))), "/api/v1/workers/" + login);
    }

    @Delete("/workers/{login}")
    HttpResponse<?> deleteWorker(HttpRequest<?> request, Authentication authentication, @PathVariable String login) {
        return workforce.deleteWorker(tenant(authentication), login) ? HttpResponse.noContent() : notFound(request, "worker " + login);
    }

    @Put(value = "/workers/{login}/availability", consumes = MediaType.APPLICATION_JSON)
    @Secured({"TENANT_ADMIN", "SUPERVISOR"})
    @Operation(summary = "Change a worker's availability and capacity")
    WorkerDto availability(Authentication authentication, @PathVariable String login, @Body AvailabilityDto body) {
        InvalidValueException.require(body.available() != null, "available", "available is required");
        return WorkerDto.of(workforce.setAvailability(tenant(authentication), login, body.available(), body.capacity()));
    }

    @Get("/routing-rules")
    @Secured({"TENANT_ADMIN", "SUPERVISOR"})
    List<RuleDto> rules(Authentication authentication) {
        return workforce.rules(tenant(authentication)).stream().map(RuleDto::of).toList();
    }

    @Get("/routing-rules/{id}")
    @Secured({"TENANT_ADMIN", "SUPERVISOR"})
    HttpResponse<?> rule(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        return workforce.rules(tenant(authentication)).stream().filter(rule -> rule.id().equals(id)).findFirst()
                .<HttpResponse<?>>map(rule -> HttpResponse.ok(RuleDto.of(rule))).orElseGet(() -> notFound(request, "routing rule " + id));
    }

    @Put(value = "/routing-rules/{id}", consumes = MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or change a routing rule (conditions → target queue, skills, size; lowest position first)")
    @ApiResponse(responseCode = "201", description = "The rule was created")
    HttpResponse<RuleDto> saveRule(Authentication authentication, @PathVariable String id, @Body RuleDto body) {
        TenantId tenant = tenant(authentication);
        boolean existed = workforce.rules(tenant).stream().anyMatch(rule -> rule.id().equals(id));
        return createdOrOk(existed, RuleDto.of(workforce.saveRule(body.toRule(tenant, id))), "/api/v1/routing-rules/" + id);
    }

    @Delete("/routing-rules/{id}")
    HttpResponse<?> deleteRule(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        return workforce.deleteRule(tenant(authentication), id) ? HttpResponse.noContent() : notFound(request, "routing rule " + id);
    }

    /** RFC 9110: a PUT that creates the resource answers 201 with its location, one that replaces it 200. */
    static <T> HttpResponse<T> createdOrOk(boolean existed, T body, String location) {
        return existed ? HttpResponse.ok(body) : HttpResponse.created(body, java.net.URI.create(location));
    }

    private static HttpResponse<Problem> notFound(HttpRequest<?> request, String what) {
        return Problems.response(request, ProblemType.NOT_FOUND, "no " + what + " in your tenant", List.of());
    }
}
