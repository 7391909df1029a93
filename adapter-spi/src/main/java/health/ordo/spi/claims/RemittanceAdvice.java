package health.ordo.spi.claims;

import java.util.List;

/**
 * Everything read from one payer document.
 *
 * @param documents    interchanges (X12 ISA) or resources (FHIR) read
 * @param claims       the claims in document order
 * @param warnings     defects tolerated while reading, each naming its place in the document
 */
public record RemittanceAdvice(int documents, List<ClaimPayment> claims, List<String> warnings) {

    public RemittanceAdvice {
        claims = List.copyOf(claims);
        warnings = List.copyOf(warnings);
    }
}
