package health.ordo.domain.routing;

import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.SkillRequirement;
import health.ordo.domain.workitem.WorkItem;

import java.util.List;
import java.util.Objects;

/**
 * "Items like these go to that queue and need these skills." Rules are tried in ascending {@code position}; the
 * first whose conditions all hold decides. {@code size} is how many capacity units an item takes.
 */
public record RoutingRule(TenantId tenant, String id, int position, List<RoutingCondition> when, String targetQueue,
                          List<SkillRequirement> skills, int size) {

    public RoutingRule {
        Objects.requireNonNull(tenant, "tenant");
        InvalidValueException.require(id != null && id.matches("[a-z0-9][a-z0-9-]{0,62}"), "id",
                "rule ids are 1-63 lower-case letters, digits or dashes");
        InvalidValueException.require(targetQueue != null && targetQueue.matches("[a-z0-9][a-z0-9-]{0,62}"), "targetQueue",
                "targetQueue is a queue id");
        InvalidValueException.require(size >= 1 && size <= 100, "size", "size lies between 1 and 100");
        InvalidValueException.require(position >= 0 && position <= 1_000_000, "position", "position lies between 0 and 1000000");
        when = when == null ? List.of() : List.copyOf(when);
        skills = skills == null ? List.of() : List.copyOf(skills);
    }

    public boolean matches(WorkItem item) {
        return when.stream().allMatch(condition -> condition.matches(item));
    }
}
