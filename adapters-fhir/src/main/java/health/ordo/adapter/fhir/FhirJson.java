package health.ordo.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.inject.Singleton;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Writes the API's FHIR R4 resources as JSON with HAPI. */
@Singleton
class FhirJson {

    private final FhirContext context;

    FhirJson(FhirContext context) {
        this.context = context;
    }

    String encode(IBaseResource resource) {
        return context.newJsonParser().encodeResourceToString(resource);
    }
}
