package health.ordo.adapter.fhir;

import health.ordo.application.port.in.claims.IngestRemittanceUseCase;
import health.ordo.application.port.in.claims.IngestReport;
import health.ordo.application.port.in.workitem.UnreadableDocumentException;
import health.ordo.domain.workitem.Actor;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /api/v1/inbound/fhir}: a FHIR R4 ClaimResponse, or a Bundle of them, in; an ingest report out. */
@Controller("/api/v1/inbound/fhir")
@Secured({"TENANT_ADMIN", "INTEGRATION"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Inbound")
class FhirInboundController {

    /** The format name of the claims adapter's FHIR reader. */
    static final String FHIR = "fhir";

    private final IngestRemittanceUseCase remittances;

    FhirInboundController(IngestRemittanceUseCase remittances) {
        this.remittances = remittances;
    }

    @Post(consumes = {"application/fhir+json", "application/json"})
    @Operation(summary = "Ingest a FHIR R4 ClaimResponse or a Bundle of them",
            description = "outcome error, partial adjudication and line-level denials (CARC reasons) become CLAIM_DENIAL items; "
                    + "a cancelled response cancels the item; the same response twice creates nothing. An invalid resource is "
                    + "422 with an OperationOutcome-shaped problem.")
    IngestReport ingest(Authentication authentication, @Body byte[] body) {
        try {
            return remittances.ingest(CallerTenant.of(authentication), FHIR, body, Actor.user(authentication.getName()));
        } catch (UnreadableDocumentException e) {
            throw new InvalidFhirResourceException(e.getMessage(),
                    e.issues().stream().map(i -> new InvalidFhirResourceException.Issue(i.location(), i.message())).toList());
        }
    }
}
