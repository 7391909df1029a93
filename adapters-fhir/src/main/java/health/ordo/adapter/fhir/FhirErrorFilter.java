package health.ordo.adapter.fhir;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.json.JsonMapper;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.reactivestreams.Publisher;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * On FHIR paths every error is an {@code OperationOutcome}: the platform's RFC 9457 problems (401, 403, 404, 405, 406,
 * 413, 429, 5xx…) are rewritten into one, with the problem's detail and each field at fault as an issue, so that FHIR
 * clients read Ordo's errors with the parser they already have. Runs outside the security filter, so its refusals pass
 * through here too.
 */
@Filter(FhirBase.PATH + "/**")
class FhirErrorFilter implements HttpServerFilter {

    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    private final FhirOutcomes outcomes;
    private final JsonMapper json;

    FhirErrorFilter(FhirOutcomes outcomes, JsonMapper json) {
        this.outcomes = outcomes;
        this.json = json;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return Publishers.map(chain.proceed(request), this::rewrite);
    }

    private MutableHttpResponse<?> rewrite(MutableHttpResponse<?> response) {
        Optional<MediaType> type = response.getContentType();
        if (response.code() < 400 || type.isPresent() && type.get().getName().equals("application/fhir+json")) {
            return response;
        }
        Map<String, Object> problem = problem(response.getBody().orElse(null));
        Object detail = problem.getOrDefault("detail", problem.getOrDefault("title", response.reason()));
        OperationOutcome outcome = FhirOutcomes.outcome(FhirOutcomes.issueType(response.code()), String.valueOf(detail), null);
        if (problem.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> field) {
                    outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.INVALID)
                            .setDiagnostics(String.valueOf(field.get("message"))).addExpression(String.valueOf(field.get("field")));
                }
            }
        }
        MutableHttpResponse<String> rewritten = outcomes.respond(HttpStatus.valueOf(response.code()), outcome);
        response.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> rewritten.header(name, value));
            }
        });
        return rewritten;
    }

    private Map<String, Object> problem(Object body) {
        if (body == null) {
            return Map.of();
        }
        try {
            byte[] bytes = body instanceof byte[] raw ? raw : body instanceof CharSequence text
                    ? text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8) : json.writeValueAsBytes(body);
            Map<String, Object> map = json.readValue(bytes, MAP);
            return map == null ? Map.of() : map;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
