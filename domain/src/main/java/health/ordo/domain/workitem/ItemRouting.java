package health.ordo.domain.workitem;

import health.ordo.domain.shared.InvalidValueException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Routing facts of an item: the skills it needs, its size in capacity units, when it was last claimed, and what its SLA
 * escalations added to its priority (stored with the routing columns, applied by the item's priority).
 *
 * @param claimedAt null unless the item is CLAIMED or later
 * @param slaBoost  points the escalations raised the priority by, at most 100
 */
public record ItemRouting(List<SkillRequirement> skills, int size, Instant claimedAt, BigDecimal slaBoost) {

    public static final ItemRouting NONE = new ItemRouting(List.of(), 1, null, BigDecimal.ZERO);

    public ItemRouting {
        skills = skills == null ? List.of() : List.copyOf(skills);
        InvalidValueException.require(size >= 1 && size <= 100, "size", "size lies between 1 and 100");
        slaBoost = slaBoost == null ? BigDecimal.ZERO : slaBoost;
    }
}
