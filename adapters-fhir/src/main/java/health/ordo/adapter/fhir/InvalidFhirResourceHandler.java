package health.ordo.adapter.fhir;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 422 for an invalid FHIR document: an RFC 9457 problem whose {@code errors} name each location at fault, which is at the
 * same time shaped as a FHIR {@code OperationOutcome} ({@code resourceType}, {@code issue[]} with severity, code,
 * diagnostics and expression), so FHIR clients read it too.
 */
@Singleton
class InvalidFhirResourceHandler implements ExceptionHandler<InvalidFhirResourceException, HttpResponse<Map<String, Object>>> {

    @Override
    public HttpResponse<Map<String, Object>> handle(HttpRequest request, InvalidFhirResourceException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://ordo.health/problems/unprocessable");
        body.put("title", "The document is well-formed but its content is not valid");
        body.put("status", 422);
        body.put("detail", e.getMessage());
        body.put("instance", request.getPath());
        body.put("errors", e.issues().stream().map(i -> Map.of("field", i.expression(), "message", i.diagnostics())).toList());
        body.put("resourceType", "OperationOutcome");
        body.put("issue", e.issues().stream().map(i -> Map.of("severity", "error", "code", "invalid",
                "diagnostics", i.diagnostics(), "expression", List.of(i.expression()))).toList());
        return HttpResponse.<Map<String, Object>>unprocessableEntity().body(body).contentType(MediaType.of("application/problem+json"));
    }
}
