package health.ordo.adapter.claims.x12;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /api/v1/inbound/x12/835}: a payer remittance file in, an ingest report out. */
@Controller("/api/v1/inbound/x12")
@Secured({"TENANT_ADMIN", "INTEGRATION"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Inbound")
class X12RemittanceController {

    private final RemittanceIngestion ingestion;

    X12RemittanceController(RemittanceIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @Post(value = "/835", consumes = {"application/edi-x12", "text/plain", "application/octet-stream"})
    @Operation(summary = "Ingest an X12 835 remittance (005010X221A1)",
            description = "Denied claims and claims or lines denied through CO/OA/PI adjustments become CLAIM_DENIAL items; "
                    + "routine adjustments create nothing; reversals (CLP02 = 22) cancel the original item; the same file or "
                    + "trace again creates nothing. An unreadable envelope is 422 naming the segment.")
    IngestReport ingest(Authentication authentication, @Body byte[] body) {
        Object tenant = authentication.getAttributes().get("tenant");
        if (!(tenant instanceof String value)) {
            throw new AuthorizationException(authentication);
        }
        return ingestion.ingest(TenantId.of(value), body, Actor.user(authentication.getName()));
    }
}
