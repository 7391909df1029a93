package health.ordo.adapter.claims.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Task;

/**
 * One HAPI {@link FhirContext} for the application (creating one is expensive), warmed at start-up: the first parse of a
 * resource type costs seconds, which must not land on the first payer's request.
 */
@Factory
class FhirFactory {

    @Context
    FhirContext fhirContext() {
        FhirContext context = FhirContext.forR4();
        context.newJsonParser().parseResource(ClaimResponse.class,
                "{\"resourceType\":\"ClaimResponse\",\"status\":\"active\",\"outcome\":\"complete\"}");
        context.newJsonParser().encodeResourceToString(new Task().setStatus(Task.TaskStatus.READY));
        return context;
    }
}
