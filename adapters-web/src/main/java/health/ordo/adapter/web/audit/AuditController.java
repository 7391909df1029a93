package health.ordo.adapter.web.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import health.ordo.adapter.web.problem.InvalidRequestException;
import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.audit.AuditUseCase;
import health.ordo.domain.audit.AuditEntry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/audit} and {@code POST /api/v1/audit:verify} (TENANT_ADMIN). */
@Controller("/api/v1")
@Secured("TENANT_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Audit")
class AuditController {

    @Serdeable
    record EntryDto(@Schema(description = "position in the tenant's chain; null while the entry waits to be chained (moments)")
                    @Nullable Long seq, String at, String actor, String action, String entityType, String entityId, Map<String, String> details,
                    String requestId, String clientIp, @Nullable String prevHash, @Nullable String hash) {

        static EntryDto of(AuditEntry e) {
            return new EntryDto(e.chained() ? e.seq() : null, e.at().toString(), e.actor(), e.action(), e.entityType(), e.entityId(), e.details(), e.requestId(),
                    e.clientIp(), e.prevHash(), e.hash());
        }
    }

    @Serdeable
    record EntryList(List<EntryDto> items) {
    }

    @Serdeable
    record VerificationDto(boolean intact, long checked, @Nullable Long firstBrokenSeq, @Nullable String reason) {
    }

    private final AuditUseCase audit;

    AuditController(AuditUseCase audit) {
        this.audit = audit;
    }

    @Get("/audit")
    @Operation(summary = "Audit entries of the tenant, newest first; entity = an entity id (e.g. a work item id)")
    EntryList list(Authentication authentication, @Nullable @QueryValue String entity, @Nullable @QueryValue String entityType,
                   @Nullable @QueryValue Integer limit) {
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > 1000) {
            throw new InvalidRequestException("limit", "limit must be between 1 and 1000");
        }
        return new EntryList(audit.list(Caller.of(authentication).tenant(), entityType, entity, size).stream().map(EntryDto::of).toList());
    }

    @Post("/audit:verify")
    @Operation(summary = "Check the tenant's hash chain: intact, or the first entry that was altered, removed or reordered")
    VerificationDto verify(Authentication authentication) {
        AuditEntry.Verification v = audit.verify(Caller.of(authentication).tenant());
        return new VerificationDto(v.intact(), v.checked(), v.firstBrokenSeq(), v.reason());
    }
}
