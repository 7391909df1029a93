package health.ordo.adapter.intake;

import health.ordo.application.port.out.intake.TrainingCorpusPort;
import health.ordo.domain.intake.DocumentType;
import health.ordo.domain.intake.LabelledText;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled corpus on the class path: {@code intake-corpus/<TYPE>/001.txt}, {@code 002.txt}, ... numbered without gaps.
 * Every fifth document of each type ({@code 005}, {@code 010}, ...) is the held-out split, never trained on; the rest is
 * the training split. The split is fixed so that figures are reproducible and comparable across model versions.
 */
@Singleton
public final class ShippedCorpus implements TrainingCorpusPort {

    static final String ROOT = "intake-corpus/";
    /** Every n-th document is held out. */
    static final int HOLD_OUT_EVERY = 5;

    private final List<LabelledText> training = new ArrayList<>();
    private final List<LabelledText> heldOut = new ArrayList<>();

    public ShippedCorpus() {
        ClassLoader loader = ShippedCorpus.class.getClassLoader();
        for (DocumentType type : DocumentType.values()) {
            for (int n = 1; ; n++) {
                String name = ROOT + type.name() + "/" + String.format("%03d", n) + ".txt";
                try (InputStream in = loader.getResourceAsStream(name)) {
                    if (in == null) {
                        break;
                    }
                    LabelledText example = new LabelledText(type.name() + "/" + String.format("%03d", n), type,
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    (n % HOLD_OUT_EVERY == 0 ? heldOut : training).add(example);
                } catch (IOException e) {
                    throw new UncheckedIOException("reading " + name, e);
                }
            }
        }
    }

    @Override
    public List<LabelledText> training() {
        return List.copyOf(training);
    }

    @Override
    public List<LabelledText> heldOut() {
        return List.copyOf(heldOut);
    }
}
