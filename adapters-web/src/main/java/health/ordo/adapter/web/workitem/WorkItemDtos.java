package health.ordo.adapter.web.workitem;

import com.fasterxml.jackson.annotation.JsonInclude;
import health.ordo.adapter.web.priority.PriorityDtos;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the work item resources. Dates are ISO-8601 instants; amounts are decimal strings. Responses
 * show absent values as {@code null} and empty lists as {@code []} (serde would omit them by default).
 */
public final class WorkItemDtos {

    private WorkItemDtos() {
    }

    @Serdeable
    @Schema(name = "Source", description = "The source record: system and its id there; the idempotency key")
    public record SourceDto(@Schema(example = "oracle-fusion") String system,
                     @Schema(example = "HOLD-300100") String externalId) {
    }

    @Serdeable
    @Schema(name = "Amount", description = "Money at stake: a decimal (string or number) and an ISO 4217 currency")
    public record AmountDto(@Schema(example = "1234.50") String value, @Schema(example = "USD") String currency) {
    }

    @Serdeable
    @Schema(name = "CreateWorkItem")
    public record CreateWorkItemRequest(
            @Schema(example = "INVOICE_HOLD", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String type,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable SourceDto source,
            @Schema(example = "Invoice 4711 on price hold", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String title,
            @Nullable AmountDto amount,
            @Schema(example = "2030-01-15T17:00:00Z") @Nullable String dueAt,
            @Schema(description = "External deadline that cannot move (payer appeal limit, invoice due date)")
            @Nullable String hardDeadlineAt,
            @Schema(description = "Flat map of scalars (string, number, boolean)") @Nullable Map<String, Object> attributes,
            @Schema(description = "Queue; defaults to the type's queue") @Nullable String queue) {
    }

    @Serdeable
    @Schema(name = "CreateWorkItemBatch")
    public record BatchRequest(@Schema(description = "1 to 1000 work items, each shaped like CreateWorkItem") @Nullable List<JsonNode> items) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BatchResult")
    public record BatchItemResult(int index,
                           @Schema(allowableValues = {"created", "duplicate", "conflict", "rejected"}) String outcome,
                           @Nullable String id, @Nullable String status, @Nullable List<FieldErrorDto> errors) {
    }

    @Serdeable
    public record FieldErrorDto(String field, String message) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // explicit nulls and empty lists, never omitted fields
    @Schema(name = "BatchResponse")
    public record BatchResponse(int created, int duplicates, int conflicts, int rejected, List<BatchItemResult> results) {
    }

    @Serdeable
    @Schema(name = "LifecycleAction", description = "reason for hold and cancel; resolutionCode for complete")
    public record TransitionRequest(@Nullable String reason, @Nullable String resolutionCode) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HistoryEntry")
    public record HistoryEntryDto(String at, String action, @Nullable String fromStatus, String toStatus, String actor,
                           @Nullable String note) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // explicit nulls and empty lists, never omitted fields
    @Schema(name = "WorkItem")
    public record WorkItemResponse(String id, String type, String status,
                            @Schema(description = "FHIR R4 Task.status of the current state") String fhirTaskStatus,
                            SourceDto source, String title, @Nullable AmountDto amount, @Nullable String dueAt,
                            @Nullable String hardDeadlineAt, Map<String, Object> attributes, String queue,
                            @Nullable String assignee,
                            @Schema(description = "0 to 100, higher is worked first") BigDecimal priorityScore,
                            @Nullable String statusReason, @Nullable String resolutionCode, String createdAt,
                            String updatedAt,
                            @Schema(description = "SLA state and binding deadline; remainingSeconds is wall-clock time to the "
                                    + "deadline (business time: GET …/{id}/sla); null when no SLA applies")
                            @Nullable SlaSummaryDto sla,
                            @Schema(description = "only on GET /api/v1/work-items/{id}")
                            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable PriorityDtos.ExplanationDto scoreExplanation,
                            @Schema(description = "the latest priority override, if any")
                            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable PriorityDtos.OverrideDto priorityOverride,
                            @Schema(description = "only on GET /api/v1/work-items/{id}")
                            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<HistoryEntryDto> history) {
    }

    @Serdeable
    @Schema(name = "WorkItemSla")
    public record SlaSummaryDto(String state, @Nullable String deadlineAt, @Nullable Long remainingSeconds) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // explicit nulls and empty lists, never omitted fields
    @Schema(name = "WorkItemPage")
    public record WorkItemPageResponse(List<WorkItemResponse> items,
                                @Schema(description = "pass as ?cursor= for the next page; null on the last page")
                                @Nullable String nextCursor) {
    }
}
