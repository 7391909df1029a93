package health.ordo.benchmarks;

import health.ordo.domain.priority.DecisionRule;
import health.ordo.domain.priority.FactorWeight;
import health.ordo.domain.priority.LikelihoodEstimate;
import health.ordo.domain.priority.PolicyDefinition;
import health.ordo.domain.priority.PolicyStatus;
import health.ordo.domain.priority.PriorityFactor;
import health.ordo.domain.priority.PriorityPolicy;
import health.ordo.domain.priority.RecoveryPriors;
import health.ordo.domain.priority.RuleCondition;
import health.ordo.domain.priority.ScoringInput;
import health.ordo.domain.priority.WorkingCalendar;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A varied synthetic backlog and a realistic policy (7 factors, 10 rules) for the benchmarks. */
final class BenchmarkBacklog {

    static final TenantId TENANT = TenantId.of("bench");
    static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    private static final String[] PAYERS = {"Aetna", "UnitedHealthcare", "Cigna", "Humana", "Medicare Part B", "Anthem"};
    private static final String[] CARCS = {"16", "50", "197", "29", "18", "22", "4", "97"};
    private static final String[] HOLDS = {"QTY REC", "PRICE", "AMT ORD", "DIST VARIANCE"};

    private BenchmarkBacklog() {
    }

    static PriorityPolicy realisticPolicy() {
        List<FactorWeight> factors = List.of(
                new FactorWeight(PriorityFactor.FINANCIAL_IMPACT, new BigDecimal("25"), Map.of("cap", new BigDecimal("500000"))),
                new FactorWeight(PriorityFactor.DEADLINE_PROXIMITY, new BigDecimal("30"), Map.of("halfLifeDays", new BigDecimal("2"))),
                FactorWeight.of(PriorityFactor.AGING, "8"),
                FactorWeight.of(PriorityFactor.RECOVERY_LIKELIHOOD, "12"),
                FactorWeight.of(PriorityFactor.SUPPLIER_CRITICALITY, "7"),
                FactorWeight.of(PriorityFactor.DEPENDENCY_STATE, "6"),
                FactorWeight.of(PriorityFactor.VALUE_PER_EFFORT, "12"));
        List<DecisionRule> rules = List.of(
                rule("deadline passed", DecisionRule.Effect.FLOOR, "95", cond("deadlineBusinessDays", "lt", "0")),
                rule("deadline within 2 business days", DecisionRule.Effect.FLOOR, "85", cond("deadlineBusinessDays", "lte", "2")),
                rule("small and unlikely", DecisionRule.Effect.CEILING, "10", cond("amount", "lt", "25"), cond("likelihood", "lt", "0.1")),
                rule("sole-source supplier", DecisionRule.Effect.ADD, "5", cond("attributes.soleSource", "eq", "true")),
                rule("payroll exceptions", DecisionRule.Effect.FLOOR, "60", cond("type", "in", "PAYMENT_EXCEPTION")),
                rule("Medicare", DecisionRule.Effect.ADD, "3", cond("attributes.payer", "eq", "Medicare Part B")),
                rule("old items", DecisionRule.Effect.ADD, "5", cond("ageDays", "gt", "60")),
                rule("blocked", DecisionRule.Effect.CEILING, "40", cond("factors.DEPENDENCY_STATE", "eq", "0")),
                rule("quick wins", DecisionRule.Effect.FLOOR, "70", cond("valuePerEffort", "gt", "500")),
                rule("filing limit or duplicate", DecisionRule.Effect.CEILING, "20", cond("attributes.carc", "in", "29,18")));
        return new PriorityPolicy("bench", TENANT, null, 1, PolicyStatus.ACTIVE, "benchmark policy",
                new PolicyDefinition(factors, rules), NOW, "bench", NOW);
    }

    private static DecisionRule rule(String name, DecisionRule.Effect effect, String value, RuleCondition... when) {
        return new DecisionRule(name, List.of(when), effect, new BigDecimal(value));
    }

    private static RuleCondition cond(String field, String operator, String value) {
        return new RuleCondition(field, operator, value);
    }

    /** {@code count} varied scoring inputs (types, amounts, deadlines, attributes, likelihoods). */
    static ScoringInput[] inputs(int count, long seed) {
        Random random = new Random(seed);
        WorkingCalendar calendar = WorkingCalendar.weekdays(ZoneId.of("America/Chicago"));
        WorkItemType[] types = WorkItemType.values();
        ScoringInput[] inputs = new ScoringInput[count];
        for (int i = 0; i < count; i++) {
            WorkItemType type = types[random.nextInt(types.length)];
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("payer", PAYERS[random.nextInt(PAYERS.length)]);
            if (type == WorkItemType.CLAIM_DENIAL || type == WorkItemType.UNDERPAYMENT) {
                attributes.put("carc", CARCS[random.nextInt(CARCS.length)]);
            }
            if (type == WorkItemType.INVOICE_HOLD) {
                attributes.put("holdName", HOLDS[random.nextInt(HOLDS.length)]);
                attributes.put("soleSource", random.nextInt(8) == 0);
            }
            if (random.nextInt(20) == 0) {
                attributes.put("blockedBy", "W-" + random.nextInt(1000));
            }
            if (random.nextInt(10) == 0) {
                attributes.put("expectedMinutes", 5 + random.nextInt(120));
            }
            double amount = Math.exp(Math.log(5) + random.nextDouble() * (Math.log(400_000) - Math.log(5)));
            Instant created = NOW.minus(Duration.ofHours(random.nextInt(24 * 120)));
            Instant due = random.nextInt(10) == 0 ? null : NOW.plus(Duration.ofHours(random.nextInt(24 * 70) - 24 * 5));
            WorkItemContent content = new WorkItemContent(type, new SourceReference("bench", "B-" + i), "Benchmark item " + i,
                    new Money(BigDecimal.valueOf(amount).setScale(2, java.math.RoundingMode.HALF_UP), "USD"), due, null,
                    Attributes.of(attributes), null);
            WorkItem item = WorkItem.create(TENANT, content, Actor.SYSTEM, created);
            LikelihoodEstimate prior = RecoveryPriors.priorFor(item);
            LikelihoodEstimate likelihood = LikelihoodEstimate.of(Math.min(1, prior.value() * (0.5 + random.nextDouble())), "bench");
            inputs[i] = new ScoringInput(item, likelihood, calendar, NOW);
        }
        return inputs;
    }
}
