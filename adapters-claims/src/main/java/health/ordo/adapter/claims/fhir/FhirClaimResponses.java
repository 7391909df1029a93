package health.ordo.adapter.claims.fhir;

import health.ordo.adapter.claims.ClaimFinding;
import health.ordo.adapter.claims.DenialIngestion;
import health.ordo.adapter.claims.IngestReport;
import health.ordo.adapter.claims.codes.AppealDeadlineRule;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import jakarta.inject.Singleton;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Resource;

import java.util.ArrayList;
import java.util.List;

/**
 * Accepts a FHIR {@code ClaimResponse} or a {@code Bundle} of them. A lone resource that cannot be mapped is refused as a
 * whole (422); in a Bundle, an entry that cannot be mapped is rejected in the report while the other entries are kept.
 */
@Singleton
public class FhirClaimResponses {

    private final FhirJson json;
    private final ClaimResponseMapper mapper;
    private final DenialIngestion ingestion;

    FhirClaimResponses(FhirJson json, AppealDeadlineRule appealRule, DenialIngestion ingestion) {
        this.json = json;
        this.mapper = new ClaimResponseMapper(appealRule);
        this.ingestion = ingestion;
    }

    /** @throws InvalidFhirResourceException when the document is not valid FHIR R4 or holds no usable ClaimResponse */
    public IngestReport ingest(TenantId tenant, byte[] document, Actor actor) {
        IBaseResource resource = json.parse(document);
        List<ClaimFinding> findings = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int resources = 0;
        if (resource instanceof ClaimResponse response) {
            resources = 1;
            try {
                findings.add(mapper.map(response));
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
                        findings.add(mapper.map(response));
                    } catch (ClaimResponseMapper.Unmappable e) {
                        String ref = response.getIdElement().hasIdPart() ? response.getIdElement().getIdPart() : location;
                        findings.add(new ClaimFinding(ClaimFinding.Kind.REJECTED, ref, null, null,
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
        return ingestion.ingest(tenant, resources, findings, warnings, "the payer cancelled the ClaimResponse", actor);
    }
}
