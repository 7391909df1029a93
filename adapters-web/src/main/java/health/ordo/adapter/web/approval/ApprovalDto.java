package health.ordo.adapter.web.approval;

import health.ordo.domain.approval.ApprovalRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/** A held action as answered: secret parameters are named, never shown. */
@Serdeable
@Schema(name = "Approval")
public record ApprovalDto(String id, String kind, String subject, @Nullable String summary, Map<String, String> parameters,
                          String requestedBy, String requestedAt, String status, @Nullable String decidedBy,
                          @Nullable String decidedAt, @Nullable String note, @Nullable String outcome) {

    public static ApprovalDto of(ApprovalRequest r) {
        ApprovalRequest shown = r.withoutSecrets();
        return new ApprovalDto(shown.id().toString(), shown.kind().name(), shown.subject(), shown.summary(), shown.parameters(),
                shown.requestedBy(), shown.requestedAt().toString(), shown.status().name(), shown.decidedBy(),
                shown.decidedAt() == null ? null : shown.decidedAt().toString(), shown.note(), shown.outcome());
    }
}
