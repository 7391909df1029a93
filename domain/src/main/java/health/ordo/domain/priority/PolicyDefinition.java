package health.ordo.domain.priority;

import health.ordo.domain.priority.InvalidPolicyException.Problem;
import health.ordo.domain.workitem.WorkItemStatus;
import health.ordo.domain.workitem.WorkItemType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a policy version says: weighted factors and ordered decision rules. Validated on construction (an unknown
 * parameter, a negative weight, weights summing to zero, a rule on an unknown field or with a bad operator or value
 * are refused, each with the path of the part at fault) and compiled once for fast evaluation.
 */
public final class PolicyDefinition {

    static final Set<String> NUMBER_FIELDS = Set.of("amount", "deadlineBusinessDays", "ageDays", "likelihood",
            "expectedMinutes", "valuePerEffort", "score");
    static final Set<String> TEXT_FIELDS = Set.of("type", "status", "queue");
    private static final Set<String> OPERATORS = Set.of("lt", "lte", "gt", "gte", "eq", "ne", "in", "exists", "missing");
    private static final int MAX_RULES = 100;

    private final List<FactorWeight> factors;
    private final List<DecisionRule> rules;
    final CompiledPolicy compiled;

    public PolicyDefinition(List<FactorWeight> factors, List<DecisionRule> rules) {
        this.factors = factors == null ? List.of() : List.copyOf(factors);
        this.rules = rules == null ? List.of() : List.copyOf(rules);
        List<Problem> problems = new ArrayList<>();
        validateFactors(problems);
        validateRules(problems);
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        this.compiled = new CompiledPolicy(this.factors, this.rules);
    }

    public List<FactorWeight> factors() {
        return factors;
    }

    public List<DecisionRule> rules() {
        return rules;
    }

    private void validateFactors(List<Problem> problems) {
        if (factors.isEmpty()) {
            problems.add(new Problem("factors", "a policy weighs at least one factor"));
            return;
        }
        EnumSet<PriorityFactor> seen = EnumSet.noneOf(PriorityFactor.class);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < factors.size(); i++) {
            FactorWeight factor = factors.get(i);
            String path = "factors[" + i + "]";
            if (factor == null || factor.factor() == null) {
                problems.add(new Problem(path + ".factor", "unknown factor; one of " + Arrays.toString(PriorityFactor.values())));
                continue;
            }
            if (!seen.add(factor.factor())) {
                problems.add(new Problem(path + ".factor", factor.factor() + " appears twice"));
            }
            if (factor.weight() == null || factor.weight().signum() < 0 || factor.weight().compareTo(BigDecimal.valueOf(1000)) > 0) {
                problems.add(new Problem(path + ".weight", "a weight lies between 0 and 1000"));
            } else {
                sum = sum.add(factor.weight());
            }
            for (Map.Entry<String, BigDecimal> parameter : factor.parameters().entrySet()) {
                if (!factor.factor().parameterNames().contains(parameter.getKey())) {
                    problems.add(new Problem(path + ".parameters." + parameter.getKey(), factor.factor()
                            + " has no parameter " + parameter.getKey() + "; it has " + factor.factor().parameterNames()));
                } else if (parameter.getValue() == null || parameter.getValue().signum() <= 0) {
                    problems.add(new Problem(path + ".parameters." + parameter.getKey(), "must be a positive number"));
                }
            }
        }
        if (problems.isEmpty() && sum.signum() == 0) {
            problems.add(new Problem("factors", "the weights sum to zero"));
        }
    }

    private void validateRules(List<Problem> problems) {
        if (rules.size() > MAX_RULES) {
            problems.add(new Problem("rules", "a policy holds at most " + MAX_RULES + " rules"));
        }
        for (int r = 0; r < rules.size(); r++) {
            DecisionRule rule = rules.get(r);
            String path = "rules[" + r + "]";
            if (rule == null) {
                problems.add(new Problem(path, "a rule is required"));
                continue;
            }
            if (rule.name() == null || rule.name().isBlank()) {
                problems.add(new Problem(path + ".name", "a rule has a name"));
            }
            if (rule.effect() == null) {
                problems.add(new Problem(path + ".effect", "effect is one of " + Arrays.toString(DecisionRule.Effect.values())));
            }
            BigDecimal min = rule.effect() == DecisionRule.Effect.ADD ? BigDecimal.valueOf(-100) : BigDecimal.ZERO;
            if (rule.value() == null || rule.value().compareTo(min) < 0 || rule.value().compareTo(BigDecimal.valueOf(100)) > 0) {
                problems.add(new Problem(path + ".value", "the effect's value lies between " + min + " and 100"));
            }
            for (int c = 0; c < rule.when().size(); c++) {
                validateCondition(rule.when().get(c), path + ".when[" + c + "]", problems);
            }
        }
    }

    private static void validateCondition(RuleCondition condition, String path, List<Problem> problems) {
        if (condition == null || condition.field() == null) {
            problems.add(new Problem(path + ".field", "a condition names a field"));
            return;
        }
        String field = condition.field();
        boolean numeric = isNumberField(field);
        boolean known = numeric || TEXT_FIELDS.contains(field) || isAttribute(field);
        if (!known) {
            problems.add(new Problem(path + ".field", "unknown field '" + field + "'; one of " + NUMBER_FIELDS + ", "
                    + TEXT_FIELDS + ", attributes.<name>, factors.<FACTOR>"));
            return;
        }
        String operator = condition.operator() == null ? "" : condition.operator().toLowerCase(Locale.ROOT);
        if (!OPERATORS.contains(operator)) {
            problems.add(new Problem(path + ".operator", "operator is one of " + OPERATORS));
            return;
        }
        boolean needsValue = !operator.equals("exists") && !operator.equals("missing");
        if (needsValue && (condition.value() == null || condition.value().isBlank())) {
            problems.add(new Problem(path + ".value", "operator " + operator + " needs a value"));
            return;
        }
        if (numeric && needsValue) {
            // "in" takes a comma-separated list; each entry must be a number like the value of any other operator
            for (String value : operator.equals("in") ? condition.value().split(",") : new String[]{condition.value()}) {
                try {
                    Double.parseDouble(value.strip());
                } catch (NumberFormatException e) {
                    problems.add(new Problem(path + ".value", field + " is a number; the value" + (operator.equals("in")
                            ? " must be numbers separated by commas" : " is not one")));
                    break;
                }
            }
        }
        if (TEXT_FIELDS.contains(field) && Set.of("lt", "lte", "gt", "gte").contains(operator)) {
            problems.add(new Problem(path + ".operator", field + " is text; use eq, ne or in"));
        }
        if (field.equals("type") && needsValue) {
            for (String value : condition.value().split(",")) {
                if (Arrays.stream(WorkItemType.values()).noneMatch(t -> t.name().equals(value.strip()))) {
                    problems.add(new Problem(path + ".value", "unknown work item type '" + value.strip() + "'"));
                }
            }
        }
        if (field.equals("status") && needsValue) {
            for (String value : condition.value().split(",")) {
                if (Arrays.stream(WorkItemStatus.values()).noneMatch(t -> t.name().equals(value.strip()))) {
                    problems.add(new Problem(path + ".value", "unknown status '" + value.strip() + "'"));
                }
            }
        }
    }

    static boolean isNumberField(String field) {
        if (NUMBER_FIELDS.contains(field)) {
            return true;
        }
        if (field.startsWith("factors.")) {
            String name = field.substring("factors.".length());
            return Arrays.stream(PriorityFactor.values()).anyMatch(f -> f.name().equals(name));
        }
        return false;
    }

    private static boolean isAttribute(String field) {
        return field.startsWith("attributes.") && field.length() > "attributes.".length();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PolicyDefinition that && factors.equals(that.factors) && rules.equals(that.rules);
    }

    @Override
    public int hashCode() {
        return factors.hashCode() * 31 + rules.hashCode();
    }
}
