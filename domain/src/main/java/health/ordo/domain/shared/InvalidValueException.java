package health.ordo.domain.shared;

import java.util.Objects;

/** A value object refused its input; {@link #field()} names the field at fault, in the API's own terms. */
public final class InvalidValueException extends DomainException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    public String field() {
        return field;
    }

    /** Fails with the given field and message unless the condition holds. */
    public static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidValueException(field, message);
        }
    }
}
