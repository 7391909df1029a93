package health.ordo.domain.priority;

import health.ordo.domain.score.FactorContribution;
import health.ordo.domain.score.FiredRule;
import health.ordo.domain.score.PriorityScore;
import health.ordo.domain.score.ScoreBasis;
import health.ordo.domain.score.ScoreExplanation;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItemType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One immutable, numbered version of a tenant's priority policy. A policy applies to one work item type, or to
 * every type that has no policy of its own ({@code appliesTo} null). One version per policy is active.
 */
public record PriorityPolicy(String policyId, TenantId tenant, WorkItemType appliesTo, int version, PolicyStatus status,
                             String description, PolicyDefinition definition, Instant createdAt, String createdBy,
                             Instant activatedAt) {

    /** Id of the policy every tenant starts with, until it activates one of its own. */
    public static final String BUILTIN_ID = "builtin";

    public PriorityPolicy {
        InvalidValueException.require(policyId != null && policyId.matches("[a-z0-9][a-z0-9-]{0,62}"), "policyId",
                "policyId must be 1-63 lower-case letters, digits or dashes");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(definition, "definition");
        InvalidValueException.require(version >= 0, "version", "version is not negative");
    }

    /** Scores without explanation: for bulk re-scoring and simulation. */
    public double scoreValue(ScoringInput input) {
        return definition.compiled.score(new ItemFacts(input));
    }

    /**
     * The stored basis of the score at the input's instant, without building the explanation (which is recomputed
     * from this basis on read): the same score as {@link #explain}, at a fraction of its cost.
     */
    public ScoreBasis basis(ScoringInput input) {
        double score = definition.compiled.score(new ItemFacts(input));
        LikelihoodEstimate likelihood = input.likelihood();
        return new ScoreBasis(rounded(score), policyId, version,
                input.now(), BigDecimal.valueOf(likelihood.value()), likelihood.basis(), likelihood.degradedReason());
    }

    /** The stored score: two decimals, half up (the same for the basis and the explanation). */
    private static PriorityScore rounded(double score) {
        return new PriorityScore(BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP));
    }

    /** Scores with the full explanation. */
    public ScoreExplanation explain(ScoringInput input) {
        List<FactorContribution> contributions = new ArrayList<>();
        List<FiredRule> fired = new ArrayList<>();
        double score = definition.compiled.explain(new ItemFacts(input), contributions, fired);
        LikelihoodEstimate likelihood = input.likelihood();
        List<String> degraded = likelihood.degraded()
                ? List.of("recovery likelihood: " + likelihood.degradedReason() + "; used " + likelihood.basis())
                : List.of();
        return new ScoreExplanation(rounded(score),
                contributions, fired, policyId, version, input.now(), likelihood.degraded(), degraded,
                BigDecimal.valueOf(likelihood.value()), likelihood.basis(), likelihood.degradedReason());
    }

    /** This version retired (superseded by another active one). */
    public PriorityPolicy retired() {
        return new PriorityPolicy(policyId, tenant, appliesTo, version, PolicyStatus.RETIRED, description, definition, createdAt, createdBy,
                activatedAt);
    }

    public PriorityPolicy activated(Instant at) {
        return new PriorityPolicy(policyId, tenant, appliesTo, version, PolicyStatus.ACTIVE, description, definition,
                createdAt, createdBy, at);
    }

    /** The standard policy: seven factors and three safety rules, used until a tenant activates its own. */
    public static PriorityPolicy builtin(TenantId tenant) {
        return BUILTINS.computeIfAbsent(tenant, t -> new PriorityPolicy(BUILTIN_ID, t, null, 0, PolicyStatus.ACTIVE,
                "Ordo's standard policy: money, deadline and value per effort first", STANDARD, Instant.EPOCH, "ordo", Instant.EPOCH));
    }

    /** The standard definition, compiled once (definitions are immutable); scoring used to rebuild it for every item. */
    private static final PolicyDefinition STANDARD = standardDefinition();
    private static final java.util.Map<TenantId, PriorityPolicy> BUILTINS = new java.util.concurrent.ConcurrentHashMap<>();

    static PolicyDefinition standardDefinition() {
        return new PolicyDefinition(List.of(
                FactorWeight.of(PriorityFactor.FINANCIAL_IMPACT, "30"),
                FactorWeight.of(PriorityFactor.DEADLINE_PROXIMITY, "30"),
                FactorWeight.of(PriorityFactor.AGING, "10"),
                FactorWeight.of(PriorityFactor.RECOVERY_LIKELIHOOD, "10"),
                FactorWeight.of(PriorityFactor.SUPPLIER_CRITICALITY, "5"),
                FactorWeight.of(PriorityFactor.DEPENDENCY_STATE, "5"),
                FactorWeight.of(PriorityFactor.VALUE_PER_EFFORT, "10")),
                List.of(
                        new DecisionRule("deadline within 2 business days", List.of(
                                new RuleCondition("deadlineBusinessDays", "lte", "2")), DecisionRule.Effect.FLOOR,
                                BigDecimal.valueOf(70)),
                        new DecisionRule("small and unlikely to recover", List.of(
                                new RuleCondition("amount", "lt", "25"), new RuleCondition("likelihood", "lt", "0.1")),
                                DecisionRule.Effect.CEILING, BigDecimal.TEN),
                        new DecisionRule("adjustment code unknown to Ordo's code table: for review, not a top-priority denial", List.of(
                                new RuleCondition("attributes.denialCategory", "eq", "UNKNOWN_CODE")),
                                DecisionRule.Effect.CEILING, BigDecimal.valueOf(30))));
    }
}
