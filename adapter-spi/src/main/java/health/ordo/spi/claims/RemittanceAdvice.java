package health.ordo.spi.claims;

import java.util.List;

/**
 * Everything read from one payer document.
 *
 * @param documents    interchanges (X12 ISA) or resources (FHIR) read
 * @param claims       the claims in document order
 * @param warnings     defects tolerated while reading, each naming its place in the document
 * @param reversalNote what a reversed claim's item is told about the reversal, in the format's words
 */
public record RemittanceAdvice(int documents, List<ClaimPayment> claims, List<String> warnings, String reversalNote) {

    public RemittanceAdvice {
        claims = List.copyOf(claims);
        warnings = List.copyOf(warnings);
    }
}
