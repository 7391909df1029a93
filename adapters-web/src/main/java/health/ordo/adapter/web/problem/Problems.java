package health.ordo.adapter.web.problem;

import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Builds problem responses; the one place that decides their shape and media type. */
public final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

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
                rule, currentStatus, Problem.currentTraceId());
        return HttpResponse.<Problem>status(status).body(logged(request, problem)).contentType(Problem.MEDIA_TYPE);
    }

    /**
     * Logs (DEBUG) that a problem was answered: method, route, status and type, never its detail or the request's
     * content; the line carries the request's trace id like the answer does.
     */
    static Problem logged(HttpRequest<?> request, Problem problem) {
        if (LOG.isDebugEnabled()) {
            // the route's template, never the path: a path can carry a source's claim or account number
            LOG.debug("{} {} answered {} {}", request == null ? "-" : request.getMethodName(),
                    request == null ? "-" : BasicHttpAttributes.getUriTemplate(request).orElse("(no route)"), problem.status(),
                    problem.type());
        }
        return problem;
    }

    public static MutableHttpResponse<Problem> invalidField(HttpRequest<?> request, String field, String message) {
        return response(request, ProblemType.INVALID_REQUEST, message, List.of(new Problem.FieldError(field, message)));
    }
}
