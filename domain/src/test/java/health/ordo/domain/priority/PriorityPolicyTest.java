package health.ordo.domain.priority;

import health.ordo.domain.score.ScoreExplanation;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContentBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static health.ordo.domain.workitem.WorkItemContentBuilder.aClaimDenial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriorityPolicyTest {

    // A Tuesday, so that business days and calendar days agree for short horizons.
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final TenantId TENANT = TenantId.of("demo");
    private static final WorkingCalendar CALENDAR = WorkingCalendar.weekdays(ZoneOffset.UTC);
    private final PriorityPolicy policy = PriorityPolicy.builtin(TENANT);

    private static ScoringInput input(WorkItemContentBuilder content, double likelihood) {
        WorkItem item = WorkItem.create(TENANT, content.build(), Actor.SYSTEM, NOW);
        return new ScoringInput(item, LikelihoodEstimate.of(likelihood, "test"), CALENDAR, NOW);
    }

    private double score(WorkItemContentBuilder content, double likelihood) {
        return policy.scoreValue(input(content, likelihood));
    }

    @ParameterizedTest
    @CsvSource({"10.00,100.00", "100.00,5000.00", "5000.00,900000.00", "900000.00,5000000.00"})
    void givenMoreMoney_score_isNeverLower(String less, String more) {
        assertThat(score(aClaimDenial().withAmount(more), 0.5)).isGreaterThanOrEqualTo(score(aClaimDenial().withAmount(less), 0.5));
    }

    @ParameterizedTest
    @CsvSource({"30,10", "10,3", "3,1", "1,0"})
    void givenLessTimeToDeadline_score_isNeverLower(int laterDays, int soonerDays) {
        double later = score(aClaimDenial().withDueAt(NOW.plus(Duration.ofDays(laterDays))), 0.5);
        double sooner = score(aClaimDenial().withDueAt(NOW.plus(Duration.ofDays(soonerDays))), 0.5);
        assertThat(sooner).isGreaterThanOrEqualTo(later);
    }

    @ParameterizedTest
    @CsvSource({"0.0,0.1", "0.1,0.5", "0.5,0.9", "0.9,1.0"})
    void givenHigherLikelihood_score_isNeverLower(double lower, double higher) {
        assertThat(score(aClaimDenial(), higher)).isGreaterThanOrEqualTo(score(aClaimDenial(), lower));
    }

    @Test
    void givenHugeAmount_financialFactor_isCapped() {
        ItemFacts huge = new ItemFacts(input(aClaimDenial().withAmount("2000000.00"), 0.5));
        ItemFacts capped = new ItemFacts(input(aClaimDenial().withAmount("1000000.00"), 0.5));

        assertThat(PriorityFactor.FINANCIAL_IMPACT.normalize(huge, new double[]{1_000_000})).isEqualTo(1.0);
        assertThat(PriorityFactor.FINANCIAL_IMPACT.normalize(capped, new double[]{1_000_000})).isEqualTo(1.0);
        assertThat(score(aClaimDenial().withAmount("2000000.00").withDueAt(null), 0.5))
                .isLessThan(score(aClaimDenial().withAmount("900.00").withDueAt(NOW.plus(Duration.ofHours(20))), 0.5));
    }

    @Test
    void givenPassedDeadline_deadlineFactor_isMaximal() {
        ItemFacts overdue = new ItemFacts(input(aClaimDenial().withDueAt(NOW.minus(Duration.ofDays(1))), 0.5));

        assertThat(PriorityFactor.DEADLINE_PROXIMITY.normalize(overdue, new double[]{3})).isEqualTo(1.0);
    }

    @Test
    void explanation_contributionsSumToTheBaseAndRulesExplainTheRest() {
        ScoreExplanation explanation = policy.explain(input(aClaimDenial().withDueAt(NOW.plus(Duration.ofDays(1))), 0.4));

        assertThat(explanation.factors()).extracting(f -> f.factor()).containsExactly("FINANCIAL_IMPACT",
                "DEADLINE_PROXIMITY", "AGING", "RECOVERY_LIKELIHOOD", "SUPPLIER_CRITICALITY", "DEPENDENCY_STATE", "VALUE_PER_EFFORT");
        assertThat(explanation.rules()).singleElement().satisfies(rule -> {
            assertThat(rule.rule()).isEqualTo("deadline within 2 business days");
            assertThat(rule.before()).isEqualByComparingTo(explanation.baseScore().setScale(2, RoundingMode.HALF_UP));
            assertThat(rule.after()).isEqualByComparingTo("70");
        });
        assertThat(explanation.computedScore().value()).isEqualByComparingTo("70.00");
        assertThat(explanation.policyId()).isEqualTo("builtin");
        assertThat(explanation.degraded()).isFalse();

        ScoreExplanation noRule = policy.explain(input(aClaimDenial().withDueAt(NOW.plus(Duration.ofDays(40))), 0.4));
        assertThat(noRule.rules()).isEmpty();
        assertThat(noRule.computedScore().value())
                .isEqualByComparingTo(noRule.baseScore().setScale(2, RoundingMode.HALF_UP));
        assertThat(noRule.computedScore().value().doubleValue())
                .isCloseTo(policy.scoreValue(input(aClaimDenial().withDueAt(NOW.plus(Duration.ofDays(40))), 0.4)),
                        org.assertj.core.data.Offset.offset(0.01));
    }

    @ParameterizedTest
    @CsvSource({"10.00,40,0.4", "250000.00,2,0.9", "75.50,-5,0.05", "5000.00,0,0.5"})
    void basis_isTheExplanationsBasis_withoutTheExplanation(String amount, int dueInDays, double likelihood) {
        PriorityPolicy withRules = new PriorityPolicy("custom", TENANT, null, 3, PolicyStatus.ACTIVE, "",
                withRule("amount", "gt", "1000", DecisionRule.Effect.ADD, "7.5"),
                NOW, "ada", null);
        for (PriorityPolicy scoring : List.of(policy, withRules)) {
            ScoringInput input = input(aClaimDenial().withAmount(amount).withDueAt(NOW.plus(Duration.ofDays(dueInDays))), likelihood);

            assertThat(scoring.basis(input)).isEqualTo(scoring.explain(input).basis());
        }
    }

    @Test
    void givenDegradedLikelihood_explanation_saysDegraded() {
        WorkItem item = WorkItem.create(TENANT, aClaimDenial().build(), Actor.SYSTEM, NOW);
        LikelihoodEstimate prior = RecoveryPriors.priorFor(item).degradedBecause("model timed out after 200 ms");

        ScoreExplanation explanation = policy.explain(new ScoringInput(item, prior, CALENDAR, NOW));

        assertThat(explanation.degraded()).isTrue();
        assertThat(explanation.degradedReasons()).singleElement().asString().contains("timed out", "CARC 197");
    }

    private static PolicyDefinition withRule(String field, String operator, String value, DecisionRule.Effect effect, String amount) {
        return new PolicyDefinition(List.of(FactorWeight.of(PriorityFactor.FINANCIAL_IMPACT, "1")),
                List.of(new DecisionRule("r", List.of(new RuleCondition(field, operator, value)), effect, new BigDecimal(amount))));
    }

    private static double scoreWith(PolicyDefinition definition, WorkItemContentBuilder content) {
        PriorityPolicy custom = new PriorityPolicy("custom", TENANT, null, 1, PolicyStatus.DRAFT, "", definition, NOW, "ada", null);
        return custom.scoreValue(input(content, 0.5));
    }

    @Test
    void ruleEffects_floorCeilingSetAndAdd() {
        WorkItemContentBuilder denial = aClaimDenial().withAmount("100.00");
        double base = scoreWith(withRule("amount", "gt", "1000000", DecisionRule.Effect.SET, "0"), denial);

        assertThat(scoreWith(withRule("amount", "gte", "100", DecisionRule.Effect.FLOOR, "90"), denial)).isEqualTo(90);
        assertThat(scoreWith(withRule("amount", "gte", "100", DecisionRule.Effect.CEILING, "10"), denial)).isEqualTo(10);
        assertThat(scoreWith(withRule("attributes.payer", "eq", "aetna", DecisionRule.Effect.SET, "55"), denial)).isEqualTo(55);
        assertThat(scoreWith(withRule("type", "in", "CLAIM_DENIAL,UNDERPAYMENT", DecisionRule.Effect.ADD, "5"), denial))
                .isCloseTo(base + 5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(scoreWith(withRule("attributes.carc", "lt", "100", DecisionRule.Effect.SET, "1"), denial))
                .as("attribute carc is '197', not below 100").isEqualTo(base);
        assertThat(scoreWith(withRule("amount", "gte", "0", DecisionRule.Effect.ADD, "100"), denial)).isEqualTo(100);
    }

    @Test
    void givenInvalidPolicies_eachPartAtFaultIsNamed() {
        assertThatThrownBy(() -> withRule("payerName", "eq", "x", DecisionRule.Effect.SET, "1"))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.problems())
                        .extracting(InvalidPolicyException.Problem::path).containsExactly("rules[0].when[0].field"));
        assertThatThrownBy(() -> new PolicyDefinition(List.of(FactorWeight.of(PriorityFactor.AGING, "0")), List.of()))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.getMessage()).contains("sum to zero"));
        assertThatThrownBy(() -> new PolicyDefinition(List.of(new FactorWeight(PriorityFactor.AGING, BigDecimal.ONE,
                Map.of("cap", BigDecimal.TEN))), List.of()))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.problems())
                        .extracting(InvalidPolicyException.Problem::path).containsExactly("factors[0].parameters.cap"));
        assertThatThrownBy(() -> withRule("amount", "like", "1", DecisionRule.Effect.SET, "1"))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.problems())
                        .extracting(InvalidPolicyException.Problem::path).containsExactly("rules[0].when[0].operator"));
        assertThatThrownBy(() -> withRule("amount", "lt", "lots", DecisionRule.Effect.SET, "1"))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.problems())
                        .extracting(InvalidPolicyException.Problem::path).containsExactly("rules[0].when[0].value"));
        assertThatThrownBy(() -> withRule("amount", "in", "100, lots", DecisionRule.Effect.SET, "1"))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> {
                    assertThat(e.problems()).extracting(InvalidPolicyException.Problem::path).containsExactly("rules[0].when[0].value");
                    assertThat(e.getMessage()).doesNotContain("lots");
                });
        assertThat(withRule("amount", "in", "100, 250.5", DecisionRule.Effect.SET, "1")).isNotNull();
        assertThatThrownBy(() -> withRule("amount", "lt", "1", DecisionRule.Effect.SET, "101"))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.problems())
                        .extracting(InvalidPolicyException.Problem::path).containsExactly("rules[0].value"));
    }

    @Test
    void quickWin_beatsSlowMarginalItem_throughValuePerEffort() {
        PolicyDefinition valueFirst = new PolicyDefinition(List.of(FactorWeight.of(PriorityFactor.VALUE_PER_EFFORT, "1")), List.of());
        double quickWin = scoreWith(valueFirst, aClaimDenial().withAmount("800.00")
                .withAttributes(Map.of("expectedMinutes", 5)));
        double slow = scoreWith(valueFirst, aClaimDenial().withAmount("2000.00")
                .withAttributes(Map.of("expectedMinutes", 240)));

        assertThat(quickWin).isGreaterThan(slow);
    }

    @Test
    void weekdayCalendar_skipsWeekends() {
        Instant friday = Instant.parse("2026-11-27T12:00:00Z");
        Instant monday = Instant.parse("2026-11-30T12:00:00Z");

        assertThat(CALENDAR.businessDaysBetween(friday, monday)).isEqualTo(1.0);
        assertThat(CALENDAR.businessDaysBetween(monday, friday)).isEqualTo(-1.0);
        assertThat(CALENDAR.businessDaysBetween(NOW, NOW.plus(Duration.ofDays(14)))).isEqualTo(10.0);
    }

    @Test
    void anAdjustmentCodeUnknownToTheCodeTable_isNeverATopPriorityDenial_andTheExplanationSaysWhy() {
        WorkItemContentBuilder unknown = aClaimDenial().withAmount("250000.00").withDueAt(NOW.plus(Duration.ofHours(4)))
                .withAttributes(java.util.Map.of("denialCategory", "UNKNOWN_CODE", "carc", "ZZ9"));

        ScoreExplanation explanation = policy.explain(input(unknown, 0.9));

        assertThat(explanation.computedScore().value()).isLessThanOrEqualTo(java.math.BigDecimal.valueOf(30));
        assertThat(explanation.rules()).extracting(r -> r.rule()).last().asString().contains("unknown to Ordo's code table");
    }
}
