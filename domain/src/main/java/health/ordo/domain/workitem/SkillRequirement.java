package health.ordo.domain.workitem;

import health.ordo.domain.shared.InvalidValueException;

import java.time.Duration;

/**
 * A skill an item needs, at a minimum proficiency (1–5). An optional requirement stops blocking after
 * {@code relaxAfter} of waiting, so that work never starves for want of the ideal expert.
 *
 * @param relaxAfter null for a hard requirement
 */
public record SkillRequirement(String skill, int minProficiency, Duration relaxAfter) {

    public SkillRequirement {
        InvalidValueException.require(skill != null && skill.matches("[a-z0-9][a-z0-9-]{0,62}"), "skill",
                "skill names are 1-63 lower-case letters, digits or dashes");
        InvalidValueException.require(minProficiency >= 1 && minProficiency <= 5, "minProficiency",
                "minProficiency lies between 1 and 5");
        InvalidValueException.require(relaxAfter == null || !relaxAfter.isNegative(), "relaxAfter", "relaxAfter is not negative");
    }

    public boolean optional() {
        return relaxAfter != null;
    }
}
