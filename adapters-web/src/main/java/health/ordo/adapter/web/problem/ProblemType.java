package health.ordo.adapter.web.problem;

import io.micronaut.http.HttpStatus;

/** The problem types Ordo returns; each URI is documented in docs/api-errors.md. */
public enum ProblemType {
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid"),
    UNPROCESSABLE(HttpStatus.UNPROCESSABLE_ENTITY, "unprocessable", "The document is well-formed but its content is not valid"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication is required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Not allowed"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
    ILLEGAL_TRANSITION(HttpStatus.CONFLICT, "illegal-transition", "The work item's state does not allow this action"),
    SOURCE_CONFLICT(HttpStatus.CONFLICT, "source-conflict",
            "A work item from this source record already exists with different content"),
    OVERRIDE_REFUSED(HttpStatus.CONFLICT, "override-refused", "The priority override breaks a rule"),
    ALREADY_EXISTS(HttpStatus.CONFLICT, "already-exists", "It exists already"),
    CONCURRENT_UPDATE(HttpStatus.CONFLICT, "concurrent-update", "The work item was changed concurrently; retry"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),
    PAYLOAD_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Temporarily unavailable"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error"),
    OTHER(HttpStatus.BAD_REQUEST, "http-error", "HTTP error");

    private static final String BASE = "https://ordo.health/problems/";

    private final HttpStatus status;
    private final String slug;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }

    /** The type for a status the framework produced on its own. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status.getCode() == status && type != ILLEGAL_TRANSITION && type != SOURCE_CONFLICT && type != OVERRIDE_REFUSED && type != ALREADY_EXISTS) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : OTHER;
    }
}
