package health.ordo.domain.intake;

import java.util.Objects;

/** A document's text with its true type: a training or evaluation example (from the shipped corpus or a reviewer's label). */
public record LabelledText(String id, DocumentType type, String text) {

    public LabelledText {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
    }
}
