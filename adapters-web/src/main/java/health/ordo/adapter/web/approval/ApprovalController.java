package health.ordo.adapter.web.approval;

import health.ordo.adapter.web.api.PathIds;
import health.ordo.adapter.web.problem.InvalidRequestException;
import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.approval.ApprovalNotFoundException;
import health.ordo.application.port.in.approval.ManageApprovalsUseCase;
import health.ordo.domain.approval.ApprovalKind;
import health.ordo.domain.approval.ApprovalRequest;
import health.ordo.domain.approval.ApprovalSettings;
import health.ordo.domain.shared.Money;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Maker-checker. Supervisors and tenant admins see pending requests; a write-off may be approved by either, the other
 * kinds (policy activations, connector credentials) by a tenant admin only; nobody approves their own request.
 */
@Controller("/api/v1")
@Secured({"SUPERVISOR", "TENANT_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Approvals")
class ApprovalController {

    @Serdeable
    @Schema(name = "ApprovalSettings")
    record SettingsDto(@Schema(description = "write-offs above this amount need a second person; null: never")
                       @Nullable ThresholdDto writeOffThreshold,
                       @Schema(description = "other kinds that always need a second person",
                               example = "[\"PRIORITY_POLICY_ACTIVATION\", \"SLA_POLICY_ACTIVATION\", \"CONNECTOR_CREDENTIALS\"]")
                       @Nullable List<String> required) {

        static SettingsDto of(ApprovalSettings s) {
            return new SettingsDto(s.writeOffThreshold() == null ? null
                    : new ThresholdDto(s.writeOffThreshold().value().toPlainString(), s.writeOffThreshold().currency()),
                    s.required().stream().map(Enum::name).sorted().toList());
        }
    }

    @Serdeable
    record ThresholdDto(@Nullable String value, @Nullable String currency) {
    }

    @Serdeable
    record DecisionDto(@Nullable String note) {
    }

    @Serdeable
    record ApprovalList(List<ApprovalDto> items) {
    }

    private final ManageApprovalsUseCase approvals;

    ApprovalController(ManageApprovalsUseCase approvals) {
        this.approvals = approvals;
    }

    @Get("/approval-settings")
    @Operation(summary = "The tenant's maker-checker rules")
    SettingsDto settings(Authentication authentication) {
        return SettingsDto.of(approvals.settings(Caller.of(authentication).tenant()));
    }

    @Put("/approval-settings")
    @Secured("TENANT_ADMIN")
    @Operation(summary = "Set which actions need a second person (write-off threshold; policy, SLA and credential changes); "
            + "loosening rules that are on is itself held (202)")
    SettingsDto updateSettings(Authentication authentication, @Nullable @Body SettingsDto body) {
        if (body == null) {
            throw new InvalidRequestException("required", "a body is required");
        }
        Money threshold = null;
        if (body.writeOffThreshold() != null) {
            try {
                threshold = new Money(new BigDecimal(body.writeOffThreshold().value()), body.writeOffThreshold().currency());
            } catch (NumberFormatException | NullPointerException e) {
                throw new InvalidRequestException("writeOffThreshold.value", "writeOffThreshold needs a decimal value and a currency");
            }
        }
        Set<ApprovalKind> kinds = EnumSet.noneOf(ApprovalKind.class);
        for (String kind : body.required() == null ? List.<String>of() : body.required()) {
            try {
                kinds.add(ApprovalKind.valueOf(kind));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("required", "unknown kind " + kind + "; one of PRIORITY_POLICY_ACTIVATION, "
                        + "SLA_POLICY_ACTIVATION, CONNECTOR_CREDENTIALS");
            }
        }
        Caller caller = Caller.of(authentication);
        return SettingsDto.of(approvals.updateSettings(new ApprovalSettings(caller.tenant(), threshold, kinds), caller.actor()));
    }

    @Get("/approvals{?status,limit}")
    @Operation(summary = "Approval requests, newest first (status PENDING, APPROVED, REJECTED or EXPIRED)")
    ApprovalList list(Authentication authentication, @Nullable @QueryValue String status, @Nullable @QueryValue Integer limit) {
        ApprovalRequest.Status wanted;
        try {
            wanted = status == null ? null : ApprovalRequest.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "status must be PENDING, APPROVED, REJECTED or EXPIRED");
        }
        int max = limit == null ? 50 : limit;
        if (max < 1 || max > 500) {
            throw new InvalidRequestException("limit", "limit must be between 1 and 500");
        }
        return new ApprovalList(approvals.list(Caller.of(authentication).tenant(), wanted, max).stream().map(ApprovalDto::of).toList());
    }

    @Get("/approvals/{id}")
    ApprovalDto get(Authentication authentication, @PathVariable String id) {
        return ApprovalDto.of(approvals.get(Caller.of(authentication).tenant(), uuid(id)));
    }

    @Post("/approvals/{id}:approve")
    @Operation(summary = "Approve as the second person: the held action runs now, in the same transaction")
    ApprovalDto approve(Authentication authentication, @PathVariable String id, @Nullable @Body DecisionDto body) {
        Caller caller = Caller.of(authentication);
        return ApprovalDto.of(approvals.approve(caller.tenant(), uuid(id), caller.actor(), tenantAdmin(authentication),
                body == null ? null : body.note()));
    }

    @Post("/approvals/{id}:reject")
    @Operation(summary = "Reject with a note for the maker; nothing runs")
    ApprovalDto reject(Authentication authentication, @PathVariable String id, @Nullable @Body DecisionDto body) {
        Caller caller = Caller.of(authentication);
        return ApprovalDto.of(approvals.reject(caller.tenant(), uuid(id), caller.actor(), tenantAdmin(authentication),
                body == null ? null : body.note()));
    }

    private static boolean tenantAdmin(Authentication authentication) {
        return authentication.getRoles().contains("TENANT_ADMIN");
    }

    private static UUID uuid(String id) {
        return PathIds.uuid(id, ApprovalNotFoundException::new);
    }
}
