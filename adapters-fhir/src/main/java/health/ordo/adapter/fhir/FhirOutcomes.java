package health.ordo.adapter.fhir;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.hl7.fhir.r4.model.OperationOutcome;

/** FHIR's error answer, an {@code OperationOutcome} as {@code application/fhir+json}, for every failure on FHIR paths. */
@Singleton
class FhirOutcomes implements ExceptionHandler<FhirSearchException, HttpResponse<String>> {

    static final MediaType FHIR_JSON = MediaType.of("application/fhir+json");

    private final FhirJson json;

    FhirOutcomes(FhirJson json) {
        this.json = json;
    }

    static OperationOutcome outcome(OperationOutcome.IssueType code, String diagnostics, String expression) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(code).setDiagnostics(diagnostics);
        if (expression != null) {
            issue.addExpression(expression);
        }
        return outcome;
    }

    /** The issue type FHIR pairs with an HTTP status. */
    static OperationOutcome.IssueType issueType(int status) {
        return switch (status) {
            case 401, 403 -> OperationOutcome.IssueType.SECURITY;
            case 404, 410 -> OperationOutcome.IssueType.NOTFOUND;
            case 405, 406, 415 -> OperationOutcome.IssueType.NOTSUPPORTED;
            case 409, 412 -> OperationOutcome.IssueType.CONFLICT;
            case 413 -> OperationOutcome.IssueType.TOOCOSTLY;
            case 429 -> OperationOutcome.IssueType.THROTTLED;
            case 400, 422 -> OperationOutcome.IssueType.INVALID;
            default -> status >= 500 ? OperationOutcome.IssueType.EXCEPTION : OperationOutcome.IssueType.PROCESSING;
        };
    }

    MutableHttpResponse<String> respond(HttpStatus status, OperationOutcome outcome) {
        return HttpResponse.<String>status(status).body(json.encode(outcome)).contentType(FHIR_JSON);
    }

    @Override
    public HttpResponse<String> handle(HttpRequest request, FhirSearchException e) {
        return respond(HttpStatus.BAD_REQUEST, outcome(OperationOutcome.IssueType.INVALID, e.getMessage(), e.parameter()));
    }
}
