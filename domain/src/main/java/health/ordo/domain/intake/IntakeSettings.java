package health.ordo.domain.intake;

import health.ordo.domain.shared.InvalidValueException;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A tenant's intake settings: the confidence a classification needs before it becomes work without a person (per type,
 * with a default), and whether the trained model classifies at all (off: degraded mode, every document to review).
 */
public record IntakeSettings(double defaultThreshold, Map<DocumentType, Double> thresholds, boolean modelEnabled) {

    /** Out of the box: a classification must be at least 80 % sure; the model is on. */
    public static final IntakeSettings DEFAULTS = new IntakeSettings(0.80, Map.of(), true);

    public IntakeSettings {
        check("defaultThreshold", defaultThreshold);
        EnumMap<DocumentType, Double> copy = new EnumMap<>(DocumentType.class);
        if (thresholds != null) {
            thresholds.forEach((type, value) -> {
                check("thresholds." + type.name(), value);
                copy.put(type, value);
            });
        }
        thresholds = Collections.unmodifiableMap(copy);
    }

    private static void check(String field, Double value) {
        InvalidValueException.require(value != null && value >= 0 && value <= 1, field, field + " must be a number between 0 and 1");
    }

    public double threshold(DocumentType type) {
        return thresholds.getOrDefault(type, defaultThreshold);
    }
}
