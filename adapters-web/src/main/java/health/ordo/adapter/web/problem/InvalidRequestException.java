package health.ordo.adapter.web.problem;

import java.util.List;

/** The request broke one or more input rules; every field at fault is listed. */
public final class InvalidRequestException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidRequestException(List<Problem.FieldError> errors) {
        super(errors.isEmpty() ? "invalid request" : errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    /** One field at fault. */
    public InvalidRequestException(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
