package health.ordo.domain.workitem;

import health.ordo.domain.shared.InvalidValueException;

import java.util.UUID;

/** Identity of a work item, unique across tenants. */
public record WorkItemId(UUID value) {

    public WorkItemId {
        InvalidValueException.require(value != null, "id", "id is required");
    }

    public static WorkItemId newId() {
        return new WorkItemId(UUID.randomUUID());
    }

    /** Parses the public form; an id that is not a UUID is refused with field {@code id}. */
    public static WorkItemId parse(String text) {
        try {
            return new WorkItemId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValueException("id", "id must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
