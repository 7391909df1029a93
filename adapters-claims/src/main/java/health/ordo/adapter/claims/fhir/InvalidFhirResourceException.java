package health.ordo.adapter.claims.fhir;

import health.ordo.spi.MalformedDocumentException;

import java.util.List;

/**
 * A FHIR document Ordo cannot accept, with every issue found: each names its FHIRPath-like location and what is wrong
 * there. The inbound API answers it 422 as an OperationOutcome-shaped problem.
 */
public class InvalidFhirResourceException extends MalformedDocumentException {

    public InvalidFhirResourceException(List<Issue> issues) {
        super(issues);
    }

    public InvalidFhirResourceException(String expression, String diagnostics) {
        this(List.of(new Issue(expression, diagnostics)));
    }
}
