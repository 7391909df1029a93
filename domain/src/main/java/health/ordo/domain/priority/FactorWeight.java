package health.ordo.domain.priority;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A factor's weight in a policy, with optional parameters overriding the factor's defaults.
 *
 * @param parameters e.g. {@code {"cap": 250000}} for FINANCIAL_IMPACT; empty for the defaults
 */
public record FactorWeight(PriorityFactor factor, BigDecimal weight, Map<String, BigDecimal> parameters) {

    public FactorWeight {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public static FactorWeight of(PriorityFactor factor, String weight) {
        return new FactorWeight(factor, new BigDecimal(weight), Map.of());
    }
}
