package health.ordo.adapter.web.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;

/** Builds problem responses; the one place that decides their shape and media type. */
public final class Problems {

    private Problems() {
    }

    public static MutableHttpResponse<Problem> response(HttpRequest<?> request, ProblemType type, String detail,
                                                        List<Problem.FieldError> errors) {
        return response(request, type, type.status(), detail, errors, null, null);
    }

    public static MutableHttpResponse<Problem> response(HttpRequest<?> request, ProblemType type, HttpStatus status,
                                                        String detail, List<Problem.FieldError> errors, String rule,
                                                        String currentStatus) {
        Problem problem = new Problem(type.uri(), type.title(), status.getCode(), detail,
                request == null ? null : request.getPath(), errors == null || errors.isEmpty() ? null : List.copyOf(errors),
                rule, currentStatus);
        return HttpResponse.<Problem>status(status).body(problem).contentType(Problem.MEDIA_TYPE);
    }

    public static MutableHttpResponse<Problem> invalidField(HttpRequest<?> request, String field, String message) {
        return response(request, ProblemType.INVALID_REQUEST, message, List.of(new Problem.FieldError(field, message)));
    }
}
