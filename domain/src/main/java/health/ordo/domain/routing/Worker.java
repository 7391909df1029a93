package health.ordo.domain.routing;

import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;

import health.ordo.domain.workitem.SkillRequirement;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A person who works items: the queues they serve, skills with proficiency 1–5, capacity in units (an item's
 * size counts against it while CLAIMED or IN_PROGRESS), and whether they are available for new work.
 *
 * @param login the user's login, e.g. {@code alice@demo}
 */
public record Worker(TenantId tenant, String login, String team, String site, List<String> queues,
                     Map<String, Integer> skills, int capacity, boolean available) {

    public Worker {
        Objects.requireNonNull(tenant, "tenant");
        InvalidValueException.require(login != null && login.endsWith("@" + tenant.value()), "login",
                "login must be a user of this tenant, e.g. name@" + tenant.value());
        InvalidValueException.require(capacity >= 0 && capacity <= 1000, "capacity", "capacity lies between 0 and 1000");
        InvalidValueException.require(team == null || team.length() <= 100, "team", "team is at most 100 characters");
        InvalidValueException.require(site == null || site.length() <= 100, "site", "site is at most 100 characters");
        List<String> served = queues == null ? List.of() : queues;
        for (int i = 0; i < served.size(); i++) {
            InvalidValueException.require(served.get(i) != null && !served.get(i).isBlank(), "queues[" + i + "]", "a queue id is required");
        }
        queues = List.copyOf(served);
        Map<String, Integer> levels = skills == null ? Map.of() : skills;
        levels.forEach((skill, level) -> InvalidValueException.require(level != null && level >= 1 && level <= 5,
                "skills." + skill, "a proficiency lies between 1 and 5"));
        skills = Map.copyOf(levels);
    }

    public int proficiency(String skill) {
        return skills.getOrDefault(skill, 0);
    }

    /** Whether this worker meets a requirement, given how long the item has waited. */
    public boolean meets(SkillRequirement requirement, java.time.Duration waited) {
        if (requirement.optional() && waited.compareTo(requirement.relaxAfter()) >= 0) {
            return true;
        }
        return proficiency(requirement.skill()) >= requirement.minProficiency();
    }

    public Worker withAvailability(boolean available, Integer capacity) {
        return new Worker(tenant, login, team, site, queues, skills, capacity == null ? this.capacity : capacity, available);
    }
}
