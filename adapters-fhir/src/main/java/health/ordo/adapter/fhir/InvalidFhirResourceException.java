package health.ordo.adapter.fhir;

import java.util.List;

/** A FHIR document Ordo cannot accept; answered 422 with an OperationOutcome-shaped problem listing every issue. */
class InvalidFhirResourceException extends RuntimeException {

    /** One issue: the FHIRPath-like location at fault and what is wrong there. */
    record Issue(String expression, String diagnostics) {
    }

    private final transient List<Issue> issues;

    InvalidFhirResourceException(String message, List<Issue> issues) {
        super(message);
        this.issues = List.copyOf(issues);
    }

    List<Issue> issues() {
        return issues;
    }
}
