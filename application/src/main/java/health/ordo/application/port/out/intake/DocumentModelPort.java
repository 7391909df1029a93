package health.ordo.application.port.out.intake;

import health.ordo.domain.intake.DocumentType;
import health.ordo.domain.intake.LabelledText;

import java.util.List;
import java.util.Map;

/** A trainable statistical document classifier: a model is opaque bytes, trained from labelled texts. */
public interface DocumentModelPort {

    /** Trains a model; deterministic for the same examples in the same order. */
    byte[] train(List<LabelledText> examples);

    /** Every type's probability for the text under the model. */
    Map<DocumentType, Double> classify(byte[] model, String text);
}
