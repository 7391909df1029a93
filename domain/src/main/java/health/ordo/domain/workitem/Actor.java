package health.ordo.domain.workitem;

import health.ordo.domain.shared.InvalidValueException;

/**
 * Who caused a change: a signed-in user (by login name) or a named system process. {@code supervisor} marks someone
 * who may act on work assigned to others (supervisors, tenant admins, the system itself).
 */
public record Actor(String name, boolean supervisor) {

    public static final Actor SYSTEM = new Actor("system", true);

    public Actor {
        InvalidValueException.require(name != null && !name.isBlank(), "actor", "actor is required");
    }

    /** Someone who may act only on unassigned work and their own. */
    public static Actor user(String login) {
        return new Actor(login, false);
    }

    /** Someone who may act on anyone's work. */
    public static Actor supervisor(String login) {
        return new Actor(login, true);
    }
}
