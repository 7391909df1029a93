package health.ordo.domain.priority;

import health.ordo.domain.score.FactorContribution;
import health.ordo.domain.score.FiredRule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** A validated policy definition turned into arrays and predicates, so that scoring allocates almost nothing. */
final class CompiledPolicy {

    private static final PriorityFactor[] ALL = PriorityFactor.values();

    private final PriorityFactor[] factors;
    private final double[] shares;
    private final double[][] parameters;
    private final BigDecimal[] weights;
    private final Rule[] rules;

    private record Rule(String name, Predicate<Context>[] conditions, DecisionRule.Effect effect, double value) {
    }

    /** What a condition looks at: the facts, all factors' normalized values, the running score. */
    static final class Context {
        final ItemFacts facts;
        final double[] normalized = new double[ALL.length];
        double score;

        Context(ItemFacts facts) {
            this.facts = facts;
        }
    }

    CompiledPolicy(List<FactorWeight> factorWeights, List<DecisionRule> decisionRules) {
        int n = factorWeights.size();
        factors = new PriorityFactor[n];
        shares = new double[n];
        parameters = new double[n][];
        weights = new BigDecimal[n];
        double sum = factorWeights.stream().mapToDouble(f -> f.weight().doubleValue()).sum();
        for (int i = 0; i < n; i++) {
            FactorWeight weight = factorWeights.get(i);
            factors[i] = weight.factor();
            weights[i] = weight.weight();
            shares[i] = weight.weight().doubleValue() / sum;
            parameters[i] = weight.factor().defaultParameters().entrySet().stream()
                    .mapToDouble(p -> weight.parameters().getOrDefault(p.getKey(), BigDecimal.valueOf(p.getValue())).doubleValue())
                    .toArray();
        }
        rules = decisionRules.stream().map(CompiledPolicy::compile).toArray(Rule[]::new);
    }

    @SuppressWarnings("unchecked")
    private static Rule compile(DecisionRule rule) {
        Predicate<Context>[] conditions = rule.when().stream().map(Conditions::compile).toArray(Predicate[]::new);
        return new Rule(rule.name(), conditions, rule.effect(), rule.value().doubleValue());
    }

    /** Score only (bulk re-scoring, simulation): no explanation objects. */
    double score(ItemFacts facts) {
        Context context = normalizeAll(facts);
        double score = base(context);
        for (Rule rule : rules) {
            context.score = score;
            if (matches(rule, context)) {
                score = apply(rule, score);
            }
        }
        return clamp(score);
    }

    /** Score with its explanation: contributions (summing to the base score) and the rules that fired. */
    double explain(ItemFacts facts, List<FactorContribution> contributions, List<FiredRule> fired) {
        Context context = normalizeAll(facts);
        double score = 0;
        for (int i = 0; i < factors.length; i++) {
            double normalized = context.normalized[factors[i].ordinal()];
            BigDecimal contribution = BigDecimal.valueOf(100 * shares[i] * normalized).setScale(4, RoundingMode.HALF_UP);
            score += contribution.doubleValue();
            contributions.add(new FactorContribution(factors[i].name(), factors[i].describe(facts),
                    BigDecimal.valueOf(normalized).setScale(4, RoundingMode.HALF_UP), weights[i], contribution));
        }
        for (Rule rule : rules) {
            context.score = score;
            if (matches(rule, context)) {
                double after = apply(rule, score);
                fired.add(new FiredRule(rule.name(), rule.effect() + " " + format(rule.value()),
                        BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP),
                        BigDecimal.valueOf(clamp(after)).setScale(2, RoundingMode.HALF_UP)));
                score = after;
            }
        }
        return clamp(score);
    }

    private Context normalizeAll(ItemFacts facts) {
        Context context = new Context(facts);
        for (PriorityFactor factor : ALL) {
            context.normalized[factor.ordinal()] = factor.normalize(facts, defaultsOf(factor));
        }
        for (int i = 0; i < factors.length; i++) {
            context.normalized[factors[i].ordinal()] = factors[i].normalize(facts, parameters[i]);
        }
        return context;
    }

    private double base(Context context) {
        double base = 0;
        for (int i = 0; i < factors.length; i++) {
            base += shares[i] * context.normalized[factors[i].ordinal()];
        }
        return 100 * base;
    }

    private static final double[][] DEFAULTS = new double[ALL.length][];

    static {
        for (PriorityFactor factor : ALL) {
            DEFAULTS[factor.ordinal()] = factor.defaultParameters().values().stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    private static double[] defaultsOf(PriorityFactor factor) {
        return DEFAULTS[factor.ordinal()];
    }

    private static boolean matches(Rule rule, Context context) {
        for (Predicate<Context> condition : rule.conditions()) {
            if (!condition.test(context)) {
                return false;
            }
        }
        return true;
    }

    private static double apply(Rule rule, double score) {
        return switch (rule.effect()) {
            case FLOOR -> Math.max(score, rule.value());
            case CEILING -> Math.min(score, rule.value());
            case SET -> rule.value();
            case ADD -> score + rule.value();
        };
    }

    private static double clamp(double score) {
        return Math.max(0, Math.min(100, score));
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
