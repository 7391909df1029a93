package health.ordo.adapter.web.writeback;

import com.fasterxml.jackson.annotation.JsonInclude;
import health.ordo.adapter.web.api.PathIds;
import health.ordo.adapter.web.problem.InvalidRequestException;
import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.writeback.WriteBack;
import health.ordo.application.port.in.writeback.WriteBackNotFoundException;
import health.ordo.application.port.in.writeback.WriteBackUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/write-backs}: outcomes queued for, applied to, or refused by the source systems, and
 * {@code POST /api/v1/write-backs/{id}:retry} for a refused one (TENANT_ADMIN, SUPERVISOR).
 */
@Controller("/api/v1/write-backs")
@Secured({"TENANT_ADMIN", "SUPERVISOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Write-back")
class WriteBackController {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "WriteBack")
    record WriteBackDto(String id, String workItemId, String sourceSystem, String externalId, String resolution,
                        String idempotencyKey, @Schema(allowableValues = {"PENDING", "APPLIED", "FAILED"}) String status, int attempts,
                        @Nullable Instant nextAttemptAt, @Nullable String lastError, Instant createdAt, @Nullable Instant appliedAt,
                        @Nullable @Schema(description = "the connector that brought the item in and takes its outcome; null for an"
                                + " item an inbound channel brought in (the deployment's target of its source system)") String viaConnector) {

        static WriteBackDto of(WriteBack w) {
            return new WriteBackDto(w.id().toString(), w.workItemId().value().toString(), w.sourceSystem(), w.externalId(),
                    w.resolution(), w.idempotencyKey(), w.status().name(), w.attempts(),
                    w.status() == WriteBack.Status.PENDING ? w.nextAttemptAt() : null, w.lastError(), w.createdAt(), w.appliedAt(), w.viaConnector());
        }
    }

    @Serdeable
    record WriteBackList(List<WriteBackDto> items) {
    }

    private final WriteBackUseCase writeBacks;

    WriteBackController(WriteBackUseCase writeBacks) {
        this.writeBacks = writeBacks;
    }

    @Get
    @Operation(summary = "Write-backs of the tenant, newest first",
            description = "A completed item from a source that takes write-backs (X12 835, FHIR ClaimResponse) queues its resolution "
                    + "here; PENDING ones are retried with backoff until the target confirms (lastError says why not yet).")
    WriteBackList list(Authentication authentication, @Nullable @QueryValue String status, @Nullable @QueryValue Integer limit) {
        WriteBack.Status wanted;
        try {
            wanted = status == null ? null : WriteBack.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "status must be PENDING, APPLIED or FAILED");
        }
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > 500) {
            throw new InvalidRequestException("limit", "limit must be between 1 and 500");
        }
        return new WriteBackList(writeBacks.list(Caller.of(authentication).tenant(), wanted, size).stream().map(WriteBackDto::of).toList());
    }

    @Post("/{id}:retry")
    @Operation(summary = "Queue a FAILED write-back again, due now (after the cause was fixed in the source system)")
    WriteBackDto retry(Authentication authentication, @PathVariable String id) {
        return WriteBackDto.of(writeBacks.retry(Caller.of(authentication).tenant(), PathIds.uuid(id, WriteBackNotFoundException::new)));
    }
}
