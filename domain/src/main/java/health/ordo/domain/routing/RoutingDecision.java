package health.ordo.domain.routing;

import health.ordo.domain.workitem.SkillRequirement;

import java.util.List;

/**
 * Where an item goes and what it needs, and which rule said so ({@code ruleId} null: the type's default queue).
 */
public record RoutingDecision(String queue, List<SkillRequirement> skills, int size, String ruleId) {

    public RoutingDecision {
        skills = skills == null ? List.of() : List.copyOf(skills);
    }

    /** The first matching rule decides; without one, the item stays in its requested or default queue. */
    public static RoutingDecision route(List<RoutingRule> rules, health.ordo.domain.workitem.WorkItem item) {
        return rules.stream().sorted(java.util.Comparator.comparingInt(RoutingRule::position)).filter(rule -> rule.matches(item))
                .findFirst()
                .map(rule -> new RoutingDecision(rule.targetQueue(), rule.skills(), rule.size(), rule.id()))
                .orElseGet(() -> new RoutingDecision(item.content().queue(), List.of(), 1, null));
    }

    public String describe() {
        return "queue " + queue + (ruleId == null ? " (default for type)" : " by rule " + ruleId)
                + (skills.isEmpty() ? "" : ", skills " + skills.stream().map(s -> s.skill() + "≥" + s.minProficiency()
                + (s.optional() ? " (relaxed after " + s.relaxAfter() + ")" : "")).toList())
                + (size == 1 ? "" : ", size " + size);
    }
}
