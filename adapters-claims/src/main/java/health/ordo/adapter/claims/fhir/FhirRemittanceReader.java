package health.ordo.adapter.claims.fhir;

import health.ordo.spi.claims.ClaimPayment;
import health.ordo.spi.claims.RemittanceAdvice;
import health.ordo.spi.claims.RemittanceReader;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Resource;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a FHIR {@code ClaimResponse} or a {@code Bundle} of them into the neutral payment model. A lone resource that
 * cannot be mapped is refused as a whole ({@link InvalidFhirResourceException}, answered 422 as an OperationOutcome); in a
 * Bundle, an entry that cannot be mapped is reported unreadable while the other entries are kept.
 */
@Singleton
public final class FhirRemittanceReader implements RemittanceReader {

    /** The format name of FHIR remittances. */
    public static final String FORMAT = "fhir";
    /** The source system of items from FHIR ClaimResponses. */
    public static final String SOURCE_SYSTEM = ClaimResponseMapper.SOURCE_SYSTEM;

    private final FhirJson json;
    private final ClaimResponseMapper mapper = new ClaimResponseMapper();

    public FhirRemittanceReader(FhirJson json) {
        this.json = json;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    /** @throws InvalidFhirResourceException when the document is not valid FHIR R4 or holds no usable ClaimResponse */
    @Override
    public RemittanceAdvice read(byte[] document) {
        IBaseResource resource = json.parse(document);
        List<ClaimPayment> claims = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int resources = 0;
        if (resource instanceof ClaimResponse response) {
            resources = 1;
            try {
                claims.add(mapper.map(response));
            } catch (ClaimResponseMapper.Unmappable e) {
                throw new InvalidFhirResourceException(e.expression, e.getMessage());
            }
        } else if (resource instanceof Bundle bundle) {
            for (int i = 0; i < bundle.getEntry().size(); i++) {
                Resource entry = bundle.getEntry().get(i).getResource();
                String location = "Bundle.entry[" + i + "]";
                if (entry instanceof ClaimResponse response) {
                    resources++;
                    try {
                        claims.add(mapper.map(response));
                    } catch (ClaimResponseMapper.Unmappable e) {
                        String ref = response.getIdElement().hasIdPart() ? response.getIdElement().getIdPart() : location;
                        claims.add(ClaimPayment.unreadable(ref,
                                location + ".resource." + e.expression.substring("ClaimResponse.".length()) + ": " + e.getMessage()));
                    }
                } else {
                    warnings.add(location + ": " + (entry == null ? "no resource" : entry.fhirType()) + " ignored; only ClaimResponse is read");
                }
            }
            if (resources == 0) {
                throw new InvalidFhirResourceException("Bundle.entry", "the Bundle holds no ClaimResponse");
            }
        } else {
            throw new InvalidFhirResourceException("resourceType",
                    "expected a ClaimResponse or a Bundle of ClaimResponse, got " + resource.fhirType());
        }
        return new RemittanceAdvice(resources, claims, warnings);
    }
}
