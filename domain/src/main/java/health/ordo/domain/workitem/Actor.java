package health.ordo.domain.workitem;

import health.ordo.domain.shared.InvalidValueException;

/** Who caused a change: a signed-in user (by login name) or a named system process. */
public record Actor(String name) {

    public static final Actor SYSTEM = new Actor("system");

    public Actor {
        InvalidValueException.require(name != null && !name.isBlank(), "actor", "actor is required");
    }

    public static Actor user(String login) {
        return new Actor(login);
    }
}
