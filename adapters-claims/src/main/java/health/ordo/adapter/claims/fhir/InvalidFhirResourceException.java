package health.ordo.adapter.claims.fhir;

import java.util.List;

/** A FHIR document Ordo cannot accept; answered 422 with an OperationOutcome-shaped problem listing every issue. */
public class InvalidFhirResourceException extends RuntimeException {

    /** One issue: the FHIRPath-like location at fault and what is wrong there. */
    public record Issue(String expression, String diagnostics) {
    }

    private final transient List<Issue> issues;

    public InvalidFhirResourceException(List<Issue> issues) {
        super(issues.isEmpty() ? "invalid FHIR resource" : issues.get(0).expression() + ": " + issues.get(0).diagnostics());
        this.issues = List.copyOf(issues);
    }

    public InvalidFhirResourceException(String expression, String diagnostics) {
        this(List.of(new Issue(expression, diagnostics)));
    }

    public List<Issue> issues() {
        return issues;
    }
}
