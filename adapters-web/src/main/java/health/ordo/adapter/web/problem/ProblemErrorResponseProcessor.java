package health.ordo.adapter.web.problem;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns every error the framework produces itself (malformed JSON, unbindable values, unknown routes, 401/403
 * from security, 413, 415...) into an RFC 9457 problem. Framework messages can quote request content, so
 * they are reduced to a field name and a safe summary before they reach the client.
 */
@Singleton
class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    private static final Pattern JSON_LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");
    private static final Pattern PROPERTY = Pattern.compile("property \\[(?:[\\w.$<>, ]+ )?(\\w+)]");
    private static final Pattern ARGUMENT = Pattern.compile("argument \\[(?:[\\w.$<>, ]+ )?(\\w+)]");

    @Override
    @NonNull
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(@NonNull ErrorContext context, @NonNull MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<Problem>) response;
        }
        HttpStatus status = response.getStatus();
        ProblemType type = ProblemType.forStatus(status.getCode());
        List<Problem.FieldError> errors = new ArrayList<>();
        String detail = detail(context, status, errors);
        Problem problem = new Problem(type.uri(), type == ProblemType.OTHER ? status.getReason() : type.title(),
                status.getCode(), detail, context.getRequest().getPath(), errors.isEmpty() ? null : errors, null, null,
                Problem.currentTraceId());
        return ((MutableHttpResponse<Problem>) response).body(Problems.logged(context.getRequest(), problem)).contentType(Problem.MEDIA_TYPE);
    }

    private static String detail(ErrorContext context, HttpStatus status, List<Problem.FieldError> errors) {
        String cause = context.getRootCause().map(t -> t.getClass().getSimpleName()).orElse("");
        String message = context.getErrors().stream().map(Error::getMessage).findFirst().orElse("");
        switch (status.getCode()) {
            case 400 -> {
                if (cause.contains("JsonSyntax") || cause.contains("JsonParse") || message.startsWith("Invalid JSON")) {
                    Matcher at = JSON_LOCATION.matcher(message);
                    return at.find() ? "The request body is not valid JSON (line " + at.group(1) + ", column " + at.group(2) + ")"
                            : "The request body is not valid JSON";
                }
                for (Error error : context.getErrors()) {
                    String field = fieldOf(error.getMessage());
                    if (field == null) {
                        field = error.getPath().map(path -> path.replaceFirst("^/", "")).orElse("body");
                    }
                    errors.add(new Problem.FieldError(field, "has the wrong type or format"));
                }
                if (message.contains("Required argument") || message.contains("not specified")) {
                    return "A required part of the request is missing";
                }
                return errors.isEmpty() ? "The request could not be read"
                        : "The request has a value of the wrong type or format";
            }
            case 401 -> {
                return "Sign in with POST /login and send the token as 'Authorization: Bearer <token>'; "
                        + "a missing, malformed, forged or expired token is refused";
            }
            case 403 -> {
                return "Your roles do not allow this request";
            }
            case 404 -> {
                return "No resource at this path";
            }
            case 405 -> {
                return "This path does not support the method used";
            }
            case 413 -> {
                return "The request body exceeds the size this endpoint accepts";
            }
            case 415 -> {
                return "Send the request body as application/json";
            }
            default -> {
                return status.getCode() >= 500 ? "An unexpected error occurred; it has been logged" : status.getReason();
            }
        }
    }

    private static String fieldOf(String message) {
        if (message == null) {
            return null;
        }
        Matcher property = PROPERTY.matcher(message);
        String field = null;
        while (property.find()) {
            field = field == null ? property.group(1) : field + "." + property.group(1);
        }
        if (field != null) {
            return field;
        }
        Matcher argument = ARGUMENT.matcher(message);
        return argument.find() ? argument.group(1) : null;
    }
}
