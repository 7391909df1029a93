package health.ordo.adapter.web.claims;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.claims.IngestRemittanceUseCase;
import health.ordo.application.port.in.claims.IngestReport;
import io.micronaut.serde.annotation.SerdeImport;
import health.ordo.application.port.in.workitem.UnreadableDocumentException;
import health.ordo.domain.workitem.Actor;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.http.multipart.CompletedFileUpload;
import java.io.IOException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /api/v1/inbound/x12/835}: a payer remittance file in, an ingest report out. */
@Controller("/api/v1/inbound/x12")
@Secured({"TENANT_ADMIN", "INTEGRATION"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Inbound")
@SerdeImport(IngestReport.class)
@SerdeImport(IngestReport.ClaimResult.class)
class X12RemittanceController {

    /** The format name of the claims adapter's 835 reader. */
    static final String X12_835 = "x12-835";

    private final IngestRemittanceUseCase remittances;

    X12RemittanceController(IngestRemittanceUseCase remittances) {
        this.remittances = remittances;
    }

    @Post(value = "/835", consumes = {"application/edi-x12", "text/plain", "application/octet-stream"})
    @Operation(summary = "Ingest an X12 835 remittance (005010X221A1)",
            description = "Denied claims and claims or lines denied through CO/OA/PI adjustments become CLAIM_DENIAL items; "
                    + "routine adjustments create nothing; reversals (CLP02 = 22) cancel the original item; the same file or "
                    + "trace again creates nothing. An unreadable envelope is 422 naming the segment.")
    IngestReport ingest(Authentication authentication, @Body byte[] body) {
        return remittances.ingest(Caller.of(authentication).tenant(), X12_835, body, Actor.user(authentication.getName()));
    }

    @Post(value = "/835", consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Ingest an X12 835 remittance uploaded as a multipart form (part name: file)")
    IngestReport ingestUpload(Authentication authentication, CompletedFileUpload file) throws IOException {
        if (file == null || file.getSize() == 0) {
            throw new UnreadableDocumentException("file", "the multipart form holds no file part named 'file'");
        }
        return remittances.ingest(Caller.of(authentication).tenant(), X12_835, file.getBytes(), Actor.user(authentication.getName()));
    }
}
