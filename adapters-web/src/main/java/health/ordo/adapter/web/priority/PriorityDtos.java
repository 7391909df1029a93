package health.ordo.adapter.web.priority;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** JSON shapes of the prioritization resources. */
public final class PriorityDtos {

    private PriorityDtos() {
    }

    @Serdeable
    @Schema(name = "PolicyFactor")
    public record FactorDto(@Schema(example = "FINANCIAL_IMPACT") @Nullable String factor, @Nullable BigDecimal weight,
                            @Schema(example = "{\"cap\": 250000}") @Nullable Map<String, BigDecimal> parameters) {
    }

    @Serdeable
    @Schema(name = "PolicyRuleCondition")
    public record ConditionDto(@Schema(example = "deadlineBusinessDays") @Nullable String field,
                               @Schema(example = "lte") @Nullable String operator, @Schema(example = "2") @Nullable String value) {
    }

    @Serdeable
    @Schema(name = "PolicyRule")
    public record RuleDto(@Nullable String name, @Nullable List<ConditionDto> when,
                          @Schema(allowableValues = {"FLOOR", "CEILING", "SET", "ADD"}) @Nullable String effect,
                          @Nullable BigDecimal value) {
    }

    @Serdeable
    @Schema(name = "CreatePolicyVersion")
    public record PolicyRequest(@Schema(example = "denials") @Nullable String policyId,
                                @Schema(description = "work item type, or null for every type without its own policy")
                                @Nullable String appliesTo, @Nullable String description,
                                @Nullable List<FactorDto> factors, @Nullable List<RuleDto> rules) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "PolicyVersion")
    public record PolicyResponse(String policyId, int version, @Nullable String appliesTo, String status,
                                 @Nullable String description, List<FactorDto> factors, List<RuleDto> rules, String createdAt,
                                 String createdBy, @Nullable String activatedAt,
                                 @Schema(description = "Ordo's own standard policy: read-only, scores items until the tenant activates a general policy")
                                 boolean builtIn) {
    }

    @Serdeable
    @Schema(name = "SimulationRequest", description = "a draft inline, or a stored version by policyId and version")
    public record SimulationRequest(@Nullable String policyId, @Nullable Integer version, @Nullable PolicyRequest draft,
                                    @Nullable String appliesTo, @Nullable Integer topN,
                                    @Nullable BigDecimal urgentWithinBusinessDays) {
    }

    @Serdeable
    @Schema(name = "SimulationMove")
    public record MoveDto(String id, String title, int rankBefore, int rankAfter, BigDecimal scoreBefore, BigDecimal scoreAfter) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "SimulationReport")
    public record SimulationResponse(int items, int rankChanges, BigDecimal kendallTau, int topN, List<MoveDto> entering,
                                     List<MoveDto> leaving, BigDecimal moneyInTopNBefore, BigDecimal moneyInTopNAfter,
                                     BigDecimal urgentWithinBusinessDays, int urgentOutsideTopNBefore, int urgentOutsideTopNAfter) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Job")
    public record JobResponse(String id, String kind, String subject, String state, long total, long done, double percent,
                              String createdAt, @Nullable String startedAt, @Nullable String finishedAt, @Nullable String eta,
                              @Nullable String message) {
    }

    @Serdeable
    @Schema(name = "PrioritySettings")
    public record SettingsDto(@Nullable List<String> overrideReasonCodes, @Nullable BigDecimal approvalThresholdPoints) {
    }

    @Serdeable
    @Schema(name = "PriorityOverrideRequest")
    public record OverrideRequest(@Schema(allowableValues = {"PIN_TOP", "PIN_BOTTOM", "SCORE"}) @Nullable String target,
                                  @Schema(description = "for target SCORE") @Nullable BigDecimal score,
                                  @Nullable String reasonCode, @Nullable String comment,
                                  @Schema(example = "2030-01-15T17:00:00Z") @Nullable String expiresAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "PriorityOverride")
    public record OverrideDto(String id, String target, BigDecimal score, String reasonCode, @Nullable String comment,
                              String expiresAt, String requestedBy, String requestedAt, String status,
                              @Nullable String approvedBy, @Nullable String approvedAt) {
    }

    @Serdeable
    @Schema(name = "FactorContribution")
    public record FactorContributionDto(String factor, String rawInput, BigDecimal normalized, BigDecimal weight,
                                        BigDecimal contribution) {
    }

    @Serdeable
    @Schema(name = "FiredRule")
    public record FiredRuleDto(String rule, String effect, BigDecimal before, BigDecimal after) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ScoreExplanation")
    public record ExplanationDto(BigDecimal computedScore, BigDecimal baseScore, List<FactorContributionDto> factors,
                                 List<FiredRuleDto> rules, String policyId, int policyVersion, String computedAt,
                                 boolean degraded, List<String> degradedReasons) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Score", description = "the effective score: the computed one (with its explanation) plus the SLA "
            + "escalation boost, capped at 100, unless an override applies")
    public record ScoreResponse(String workItemId, BigDecimal priorityScore, @Nullable ExplanationDto explanation,
                                @Schema(description = "priority added by SLA escalations so far") BigDecimal slaBoost,
                                @Nullable OverrideDto override, boolean overrideApplies) {
    }
}
