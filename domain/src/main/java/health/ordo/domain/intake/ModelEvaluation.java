package health.ordo.domain.intake;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A classifier measured on a held-out set: per-type precision, recall and F1, their macro average, the confusion matrix,
 * and calibration (how often a document classified with confidence p was right, in ten bins, and the expected calibration
 * error: the bins' gaps between confidence and accuracy weighted by their size).
 */
public record ModelEvaluation(int documents, double accuracy, double macroF1, Map<DocumentType, TypeScore> perType,
                              Map<DocumentType, Map<DocumentType, Integer>> confusion, List<CalibrationBin> calibration,
                              double expectedCalibrationError) {

    /** One type's figures. */
    public record TypeScore(int support, double precision, double recall, double f1) {
    }

    /** Documents whose confidence fell in [from, to): how many, their mean confidence, and the share classified right. */
    public record CalibrationBin(double from, double to, int count, double meanConfidence, double accuracy) {
    }

    /** Classifies every example and measures the result. */
    public static ModelEvaluation of(List<LabelledText> heldOut, Function<String, Classification> classifier) {
        Map<DocumentType, Map<DocumentType, Integer>> confusion = new EnumMap<>(DocumentType.class);
        for (DocumentType truth : DocumentType.values()) {
            Map<DocumentType, Integer> row = new EnumMap<>(DocumentType.class);
            for (DocumentType predicted : DocumentType.values()) {
                row.put(predicted, 0);
            }
            confusion.put(truth, row);
        }
        int bins = 10;
        int[] binCount = new int[bins];
        double[] binConfidence = new double[bins];
        int[] binRight = new int[bins];
        int right = 0;
        for (LabelledText example : heldOut) {
            Classification c = classifier.apply(example.text());
            confusion.get(example.type()).merge(c.type(), 1, Integer::sum);
            int bin = Math.min(bins - 1, (int) Math.floor(c.confidence() * bins));
            binCount[bin]++;
            binConfidence[bin] += c.confidence();
            if (c.type() == example.type()) {
                right++;
                binRight[bin]++;
            }
        }
        Map<DocumentType, TypeScore> perType = new EnumMap<>(DocumentType.class);
        double f1Sum = 0;
        int typesPresent = 0;
        for (DocumentType type : DocumentType.values()) {
            int tp = confusion.get(type).get(type);
            int support = confusion.get(type).values().stream().mapToInt(Integer::intValue).sum();
            int predicted = 0;
            for (DocumentType truth : DocumentType.values()) {
                predicted += confusion.get(truth).get(type);
            }
            if (support == 0) {
                continue;
            }
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perType.put(type, new TypeScore(support, precision, recall, f1));
            f1Sum += f1;
            typesPresent++;
        }
        List<CalibrationBin> calibration = new ArrayList<>();
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            double mean = binCount[b] == 0 ? 0 : binConfidence[b] / binCount[b];
            double accuracy = binCount[b] == 0 ? 0 : (double) binRight[b] / binCount[b];
            calibration.add(new CalibrationBin((double) b / bins, (double) (b + 1) / bins, binCount[b], mean, accuracy));
            if (!heldOut.isEmpty()) {
                ece += (double) binCount[b] / heldOut.size() * Math.abs(mean - accuracy);
            }
        }
        return new ModelEvaluation(heldOut.size(), heldOut.isEmpty() ? 0 : (double) right / heldOut.size(),
                typesPresent == 0 ? 0 : f1Sum / typesPresent, perType, confusion, calibration, ece);
    }
}
