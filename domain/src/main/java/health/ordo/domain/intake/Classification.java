package health.ordo.domain.intake;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a classifier said of one document.
 *
 * @param type          the most probable type
 * @param confidence    its probability, 0..1 (calibrated for a trained model; a keyword score for the fallback)
 * @param probabilities every type's probability, summing to about 1
 * @param model         which model answered: {@code <tenant-or-bundled>/v<N>} for a trained one, {@link #KEYWORDS} for the fallback
 * @param degraded      true when the deterministic keyword classifier answered because no model was active or it failed:
 *                      the document always goes to a person then
 */
public record Classification(DocumentType type, double confidence, Map<DocumentType, Double> probabilities, String model, boolean degraded) {

    /** The name of the deterministic fallback. */
    public static final String KEYWORDS = "keywords";

    public Classification {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(model, "model");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
        EnumMap<DocumentType, Double> copy = new EnumMap<>(DocumentType.class);
        copy.putAll(probabilities);
        probabilities = Collections.unmodifiableMap(copy);
    }

    /** The classification with the highest probability of the given distribution. */
    public static Classification of(Map<DocumentType, Double> probabilities, String model, boolean degraded) {
        DocumentType best = DocumentType.OTHER;
        double top = -1;
        for (Map.Entry<DocumentType, Double> e : probabilities.entrySet()) {
            if (e.getValue() > top) {
                top = e.getValue();
                best = e.getKey();
            }
        }
        return new Classification(best, Math.max(0, Math.min(1, top)), probabilities, model, degraded);
    }
}
