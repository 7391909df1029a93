package health.ordo.domain.priority;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The factors a policy weighs. Each maps an item's facts to 0..1 (higher means work it sooner), monotonically:
 * more money, less time left, more age, higher likelihood never lower its value. Parameters tune the curves.
 */
public enum PriorityFactor {

    /** Money at stake, log-scaled and capped ({@code cap}, default 1,000,000) so one huge item cannot bury the rest. */
    FINANCIAL_IMPACT(Map.of("cap", 1_000_000.0)) {
        @Override
        double normalize(ItemFacts facts, double[] p) {
            return facts.amount <= 0 ? 0 : Math.min(1, Math.log1p(facts.amount) / Math.log1p(p[0]));
        }

        @Override
        String describe(ItemFacts facts) {
            return facts.amount <= 0 ? "no money at stake" : String.format(Locale.ROOT, "%.2f %s", facts.amount, facts.currency);
        }
    },
    /**
     * Business days left to the binding deadline (payer appeal or filing limit, invoice due or discount date):
     * 1 when passed, {@code halfLife}/(halfLife + days) before (default half-life 3 business days), 0 without one.
     */
    DEADLINE_PROXIMITY(Map.of("halfLifeDays", 3.0)) {
        @Override
        double normalize(ItemFacts facts, double[] p) {
            if (Double.isNaN(facts.deadlineBusinessDays)) {
                return 0;
            }
            return facts.deadlineBusinessDays <= 0 ? 1 : p[0] / (p[0] + facts.deadlineBusinessDays);
        }

        @Override
        String describe(ItemFacts facts) {
            if (Double.isNaN(facts.deadlineBusinessDays)) {
                return "no deadline";
            }
            return facts.deadlineBusinessDays <= 0 ? "deadline passed"
                    : String.format(Locale.ROOT, "%.1f business days left", facts.deadlineBusinessDays);
        }
    },
    /** Days since the item arrived, saturating at {@code saturationDays} (default 30). */
    AGING(Map.of("saturationDays", 30.0)) {
        @Override
        double normalize(ItemFacts facts, double[] p) {
            return Math.min(1, facts.ageDays / p[0]);
        }

        @Override
        String describe(ItemFacts facts) {
            return String.format(Locale.ROOT, "%.1f days old", facts.ageDays);
        }
    },
    /** Probability that working the item recovers the money. */
    RECOVERY_LIKELIHOOD(Map.of()) {
        @Override
        double normalize(ItemFacts facts, double[] p) {
            return facts.likelihood;
        }

        @Override
        String describe(ItemFacts facts) {
            return String.format(Locale.ROOT, "%.2f", facts.likelihood);
        }
    },
    /** Supplier criticality from item attributes: supplierCriticality, soleSource, category. */
    SUPPLIER_CRITICALITY(Map.of()) {
        @Override
        double normalize(ItemFacts facts, double[] p) {
            return facts.supplierCriticality;
        }

        @Override
        String describe(ItemFacts facts) {
            return facts.supplierCriticalityBasis;
        }
    },
    /** Blocked or missing information: 0; neutral: 0.5; unblocks others: up to 1. */
    DEPENDENCY_STATE(Map.of()) {
        @Override
        double normalize(ItemFacts facts, double[] p) {
            return facts.dependency;
        }

        @Override
        String describe(ItemFacts facts) {
            return facts.dependencyBasis;
        }
    },
    /**
     * Value per effort: amount × likelihood ÷ expected minutes, log-scaled against {@code cap} (default 1,000
     * per minute), so a quick win can beat a slow marginal item.
     */
    VALUE_PER_EFFORT(Map.of("cap", 1_000.0)) {
        @Override
        double normalize(ItemFacts facts, double[] p) {
            return facts.valuePerEffort <= 0 ? 0 : Math.min(1, Math.log1p(facts.valuePerEffort) / Math.log1p(p[0]));
        }

        @Override
        String describe(ItemFacts facts) {
            return String.format(Locale.ROOT, "%.2f per minute (%.0f min expected)", facts.valuePerEffort, facts.expectedMinutes);
        }
    };

    private final Map<String, Double> defaults;

    PriorityFactor(Map<String, Double> defaults) {
        this.defaults = defaults;
    }

    abstract double normalize(ItemFacts facts, double[] parameters);

    abstract String describe(ItemFacts facts);

    /** Parameter names this factor understands, with their defaults. */
    public Map<String, Double> defaultParameters() {
        return defaults;
    }

    Set<String> parameterNames() {
        return defaults.keySet();
    }
}
