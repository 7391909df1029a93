package health.ordo.adapter.web.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import health.ordo.domain.routing.Queue;
import health.ordo.domain.routing.RoutingCondition;
import health.ordo.domain.routing.RoutingRule;
import health.ordo.domain.routing.Worker;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.SkillRequirement;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** JSON shapes of the routing resources, and their mapping to the domain. */
final class RoutingDtos {

    private RoutingDtos() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Queue")
    record QueueDto(@Nullable String id, @Nullable String name, @Nullable String team, @Nullable String site,
                    @Schema(description = "fair-share weight 1-100", example = "3") @Nullable Integer weight,
                    @Schema(description = "seconds a claim may wait before it returns to READY", example = "900")
                    @Nullable Integer reservationTimeoutSeconds) {

        static QueueDto of(Queue queue) {
            return new QueueDto(queue.id(), queue.name(), queue.team(), queue.site(), queue.weight(),
                    (int) queue.reservationTimeout().toSeconds());
        }

        Queue toQueue(TenantId tenant, String id) {
            try {
                return new Queue(tenant, id, name, team, site, weight == null ? 1 : weight,
                        reservationTimeoutSeconds == null ? null : Duration.ofSeconds(reservationTimeoutSeconds));
            } catch (InvalidValueException e) {
                throw e.field().equals("reservationTimeout") ? new InvalidValueException("reservationTimeoutSeconds", e.getMessage()) : e;
            }
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Worker")
    record WorkerDto(@Nullable String login, @Nullable String team, @Nullable String site, @Nullable List<String> queues,
                     @Schema(description = "skill → proficiency 1-5", example = "{\"appeals\": 3}") @Nullable Map<String, Integer> skills,
                     @Nullable Integer capacity, @Nullable Boolean available) {

        static WorkerDto of(Worker worker) {
            return new WorkerDto(worker.login(), worker.team(), worker.site(), worker.queues(), worker.skills(), worker.capacity(),
                    worker.available());
        }

        Worker toWorker(TenantId tenant, String login) {
            return new Worker(tenant, login, team, site, queues, skills, capacity == null ? 10 : capacity,
                    available == null || available);
        }
    }

    @Serdeable
    @Schema(name = "SkillRequirement")
    record SkillDto(@Nullable String skill, @Nullable Integer minProficiency,
                    @Schema(description = "optional skill: stops blocking after this many seconds since arrival")
                    @Nullable Long relaxAfterSeconds) {

        static SkillDto of(SkillRequirement requirement) {
            return new SkillDto(requirement.skill(), requirement.minProficiency(),
                    requirement.relaxAfter() == null ? null : requirement.relaxAfter().toSeconds());
        }

        SkillRequirement toRequirement() {
            try {
                return new SkillRequirement(skill, minProficiency == null ? 1 : minProficiency,
                        relaxAfterSeconds == null ? null : Duration.ofSeconds(relaxAfterSeconds));
            } catch (InvalidValueException e) {
                throw e.field().equals("relaxAfter") ? new InvalidValueException("relaxAfterSeconds", e.getMessage()) : e;
            }
        }
    }

    @Serdeable
    @Schema(name = "RoutingCondition")
    record ConditionDto(@Schema(example = "attributes.payer") @Nullable String field, @Schema(example = "eq") @Nullable String operator,
                        @Schema(example = "Medicare") @Nullable String value) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "RoutingRule")
    record RuleDto(@Nullable String id, @Nullable Integer position, @Nullable List<ConditionDto> when,
                   @Nullable String targetQueue, @Nullable List<SkillDto> skills, @Nullable Integer size) {

        static RuleDto of(RoutingRule rule) {
            return new RuleDto(rule.id(), rule.position(),
                    rule.when().stream().map(c -> new ConditionDto(c.field(), c.operator(), c.value())).toList(),
                    rule.targetQueue(), rule.skills().stream().map(SkillDto::of).toList(), rule.size());
        }

        RoutingRule toRule(TenantId tenant, String id) {
            List<RoutingCondition> conditions = each(when, "when", c -> new RoutingCondition(c.field(), c.operator(), c.value()));
            List<SkillRequirement> requirements = each(skills, "skills", SkillDto::toRequirement);
            return new RoutingRule(tenant, id, position == null ? 100 : position, conditions, targetQueue, requirements,
                    size == null ? 1 : size);
        }

        /** Maps each element, naming a refused one by its place in the body ({@code when[1].operator}). */
        private static <T, R> List<R> each(@Nullable List<T> elements, String name, java.util.function.Function<T, R> mapping) {
            if (elements == null) {
                return List.of();
            }
            List<R> mapped = new java.util.ArrayList<>();
            for (int i = 0; i < elements.size(); i++) {
                T element = elements.get(i);
                if (element == null) {
                    throw new InvalidValueException(name + "[" + i + "]", "an object is required");
                }
                try {
                    mapped.add(mapping.apply(element));
                } catch (InvalidValueException e) {
                    throw new InvalidValueException(name + "[" + i + "]." + e.field(), e.getMessage());
                }
            }
            return mapped;
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "QueueStats")
    record QueueStatsDto(String queue, long depth, @Nullable Long oldestReadyAgeSeconds, Map<String, Long> byStatus) {
    }

    @Serdeable
    @Schema(name = "Availability")
    record AvailabilityDto(@Nullable Boolean available, @Nullable Integer capacity) {
    }

    @Serdeable
    @Schema(name = "AssignRequest")
    record AssignDto(@Schema(example = "alice@demo") @Nullable String worker) {
    }

    @Serdeable
    @Schema(name = "TransferRequest")
    record TransferDto(@Schema(example = "appeals") @Nullable String queue) {
    }

    @Serdeable
    @Schema(name = "BulkFilter")
    record FilterDto(@Nullable String status, @Nullable String type, @Nullable String queue, @Nullable String assignee) {
    }

    @Serdeable
    @Schema(name = "BulkAssignRequest", description = "worker (assign) or queue (transfer), for up to limit items matching the filter")
    record BulkDto(@Nullable FilterDto filter, @Nullable String worker, @Nullable String queue, @Nullable Integer limit) {
    }

    @Serdeable
    @Schema(name = "BulkResult")
    record BulkResultDto(int matched, int changed, int skipped) {
    }
}
