package health.ordo.adapter.web.intake;

import health.ordo.adapter.web.api.PathIds;
import health.ordo.adapter.web.problem.InvalidRequestException;
import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.intake.DocumentNotFoundException;
import health.ordo.application.port.in.intake.IntakeDocumentsUseCase;
import health.ordo.domain.intake.DocumentType;
import health.ordo.domain.intake.IntakeDocument;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Documents in (PDF, plain text, e-mail with attachments, TIFF/PNG/JPEG scans), each classified with its confidence and
 * its fields read; the doubtful ones reviewed by a person, whose word becomes a training label.
 */
@Controller("/api/v1/intake/documents")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Intake")
class IntakeDocumentController {

    private static final String DESCRIPTION = "The type is sniffed from the bytes, never the file name. The same bytes again create nothing "
            + "(200 with duplicate=true and the first document). Above the tenant's confidence threshold a document becomes the work item "
            + "of its type (a denial letter a CLAIM_DENIAL with its appeal deadline); below it, or without text, or classified by the "
            + "keyword fallback, a DOCUMENT_REVIEW item is created. Unknown kinds of file are 415, empty or too large ones 413/415.";

    @Serdeable
    record DocumentList(List<DocumentDto> items, @Nullable String nextBefore) {
    }

    @Serdeable
    record Review(@Nullable String type, @Nullable Map<String, String> fields) {
    }

    private final IntakeDocumentsUseCase intake;

    IntakeDocumentController(IntakeDocumentsUseCase intake) {
        this.intake = intake;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN", "INTEGRATION"})
    @Operation(summary = "Upload a document as a multipart form (part name: file)", description = DESCRIPTION)
    HttpResponse<DocumentDto> upload(Authentication authentication, @Nullable CompletedFileUpload file) throws IOException {
        if (file == null) {
            throw new InvalidRequestException("file", "the multipart form holds no file part named 'file'");
        }
        return submitted(authentication, file.getBytes(), file.getFilename());
    }

    @Post(consumes = {"application/pdf", "text/plain", "message/rfc822", "image/tiff", "image/png", "image/jpeg", MediaType.APPLICATION_OCTET_STREAM})
    @Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN", "INTEGRATION"})
    @Operation(summary = "Upload a document as the request body (fileName optional, as a query parameter)", description = DESCRIPTION)
    HttpResponse<DocumentDto> uploadBody(Authentication authentication, @Body byte[] body, @Nullable @QueryValue String fileName) {
        return submitted(authentication, body, fileName);
    }

    private HttpResponse<DocumentDto> submitted(Authentication authentication, byte[] bytes, String fileName) {
        Caller caller = Caller.of(authentication);
        IntakeDocumentsUseCase.Submitted submitted = intake.submit(caller.tenant(), bytes, fileName, "api", caller.actor());
        DocumentDto dto = DocumentDto.of(submitted.document(), submitted.duplicate(), false);
        URI location = URI.create("/api/v1/intake/documents/" + submitted.document().id());
        return submitted.duplicate() ? HttpResponse.ok(dto).header("Location", location.toString()) : HttpResponse.created(dto, location);
    }

    @Get
    @Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN", "INTEGRATION"})
    @Operation(summary = "The tenant's documents, newest first, optionally of one status; page with nextBefore")
    DocumentList list(Authentication authentication, @Nullable @QueryValue String status, @Nullable @QueryValue Instant before,
                      @Nullable @QueryValue Integer limit) {
        IntakeDocument.Status wanted = null;
        if (status != null) {
            try {
                wanted = IntakeDocument.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("status", "status must be one of " + Arrays.toString(IntakeDocument.Status.values()));
            }
        }
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > 500) {
            throw new InvalidRequestException("limit", "limit is between 1 and 500");
        }
        List<IntakeDocument> page = intake.list(Caller.of(authentication).tenant(), wanted, before, size);
        return new DocumentList(page.stream().map(d -> DocumentDto.of(d, null, false)).toList(),
                page.size() == size ? page.get(page.size() - 1).receivedAt().toString() : null);
    }

    @Get("/{id}")
    @Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN"})
    @Operation(summary = "One document with its text, classification (every type's probability), fields with confidence, summary")
    DocumentDto get(Authentication authentication, @PathVariable String id) {
        return DocumentDto.of(intake.get(Caller.of(authentication).tenant(), uuid(id)), null, true);
    }

    @Get("/{id}/content")
    @Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN"})
    @Operation(summary = "The document's bytes as they were received")
    HttpResponse<byte[]> content(Authentication authentication, @PathVariable String id) {
        IntakeDocumentsUseCase.Content content = intake.content(Caller.of(authentication).tenant(), uuid(id));
        return HttpResponse.ok(content.bytes()).contentType(content.mediaType())
                .header("Content-Disposition", "attachment; filename=\"document-" + id + "\"")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Post(value = "/{id}:review", consumes = MediaType.APPLICATION_JSON)
    @Secured({"WORKER", "SUPERVISOR", "TENANT_ADMIN"})
    @Operation(summary = "Confirm or correct the type and fields",
            description = "fields maps field names (payer, memberId, claimNumber, npi, appealDeadline, ...) to values; an empty value "
                    + "removes a field. The document then becomes the work item of its type (or is filed), its review item is closed, "
                    + "and the decision is kept as a training label.")
    DocumentDto review(Authentication authentication, @PathVariable String id, @Body Review body) {
        Caller caller = Caller.of(authentication);
        intake.get(caller.tenant(), uuid(id)); // another tenant's (or no) document is 404 whatever the body says
        if (body.type() == null || body.type().isBlank()) {
            throw new InvalidRequestException("type", "type is required: one of " + Arrays.toString(DocumentType.values()));
        }
        DocumentType type = DocumentType.parse(body.type()).orElseThrow(() -> new InvalidRequestException("type",
                "unknown type " + body.type() + "; one of " + Arrays.toString(DocumentType.values())));
        return DocumentDto.of(intake.review(caller.tenant(), uuid(id), type, body.fields(), caller.actor()), null, true);
    }

    @Post(value = "/{id}:reprocess")
    @Secured({"SUPERVISOR", "TENANT_ADMIN"})
    @Operation(summary = "Read, classify and decide again from the stored bytes (after a failure, or with a new model)")
    DocumentDto reprocess(Authentication authentication, @PathVariable String id) {
        Caller caller = Caller.of(authentication);
        return DocumentDto.of(intake.reprocess(caller.tenant(), uuid(id), caller.actor()), null, true);
    }

    private static UUID uuid(String id) {
        return PathIds.uuid(id, DocumentNotFoundException::new);
    }
}
