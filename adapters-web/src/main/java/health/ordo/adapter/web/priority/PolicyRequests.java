package health.ordo.adapter.web.priority;

import health.ordo.adapter.web.priority.PriorityDtos.ConditionDto;
import health.ordo.adapter.web.priority.PriorityDtos.FactorDto;
import health.ordo.adapter.web.priority.PriorityDtos.PolicyRequest;
import health.ordo.adapter.web.priority.PriorityDtos.PolicyResponse;
import health.ordo.adapter.web.priority.PriorityDtos.RuleDto;
import health.ordo.domain.priority.DecisionRule;
import health.ordo.domain.priority.FactorWeight;
import health.ordo.domain.priority.InvalidPolicyException;
import health.ordo.domain.priority.PolicyDefinition;
import health.ordo.domain.priority.PriorityFactor;
import health.ordo.domain.priority.PriorityPolicy;
import health.ordo.domain.priority.RuleCondition;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.workitem.WorkItemType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reads policy definitions from JSON and writes them back; names the part at fault when one cannot be read. */
final class PolicyRequests {

    private PolicyRequests() {
    }

    static PolicyDefinition toDefinition(PolicyRequest request) {
        List<InvalidPolicyException.Problem> problems = new ArrayList<>();
        List<FactorWeight> factors = new ArrayList<>();
        List<FactorDto> factorDtos = request.factors() == null ? List.of() : request.factors();
        for (int i = 0; i < factorDtos.size(); i++) {
            FactorDto dto = factorDtos.get(i);
            PriorityFactor factor = dto == null ? null : parse(PriorityFactor.class, dto.factor());
            if (factor == null) {
                problems.add(new InvalidPolicyException.Problem("factors[" + i + "].factor",
                        "unknown factor '" + (dto == null ? null : dto.factor()) + "'; one of " + Arrays.toString(PriorityFactor.values())));
                continue;
            }
            factors.add(new FactorWeight(factor, dto.weight(), dto.parameters()));
        }
        List<DecisionRule> rules = new ArrayList<>();
        List<RuleDto> ruleDtos = request.rules() == null ? List.of() : request.rules();
        for (int r = 0; r < ruleDtos.size(); r++) {
            RuleDto dto = ruleDtos.get(r);
            DecisionRule.Effect effect = dto == null ? null : parse(DecisionRule.Effect.class, dto.effect());
            if (effect == null) {
                problems.add(new InvalidPolicyException.Problem("rules[" + r + "].effect",
                        "effect is one of " + Arrays.toString(DecisionRule.Effect.values())));
                continue;
            }
            List<RuleCondition> when = new ArrayList<>();
            for (ConditionDto condition : dto.when() == null ? List.<ConditionDto>of() : dto.when()) {
                when.add(condition == null ? null : new RuleCondition(condition.field(), condition.operator(), condition.value()));
            }
            rules.add(new DecisionRule(dto.name(), when, effect, dto.value()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        return new PolicyDefinition(factors, rules);
    }

    static WorkItemType appliesTo(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        WorkItemType type = parse(WorkItemType.class, text);
        InvalidValueException.require(type != null, field, field + " '" + text + "' is not a work item type; one of "
                + Arrays.toString(WorkItemType.values()));
        return type;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static PolicyResponse toResponse(PriorityPolicy policy) {
        PolicyDefinition definition = policy.definition();
        return new PolicyResponse(policy.policyId(), policy.version(), policy.appliesTo() == null ? null : policy.appliesTo().name(),
                policy.status().name(), policy.description(),
                definition.factors().stream().map(f -> new FactorDto(f.factor().name(), f.weight(), f.parameters())).toList(),
                definition.rules().stream().map(r -> new RuleDto(r.name(),
                        r.when().stream().map(c -> new ConditionDto(c.field(), c.operator(), c.value())).toList(),
                        r.effect().name(), r.value())).toList(),
                policy.createdAt().toString(), policy.createdBy(),
                policy.activatedAt() == null ? null : policy.activatedAt().toString(),
                PriorityPolicy.BUILTIN_ID.equals(policy.policyId()));
    }
}
