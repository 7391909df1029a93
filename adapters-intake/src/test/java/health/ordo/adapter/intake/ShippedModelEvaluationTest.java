package health.ordo.adapter.intake;

import health.ordo.domain.intake.Classification;
import health.ordo.domain.intake.DocumentType;
import health.ordo.domain.intake.LabelledText;
import health.ordo.domain.intake.ModelEvaluation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled model, trained on the shipped training split and measured on the held-out split it never saw: the figures
 * docs/intake.md reports, written to {@code target/intake-evaluation.md} by this test (the one command that reproduces them:
 * {@code ./mvnw -B -pl adapters-intake -am test -Dtest=ShippedModelEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false}).
 */
class ShippedModelEvaluationTest {

    private static final ShippedCorpus CORPUS = new ShippedCorpus();
    private static final OpenNlpDocumentModel MODELS = new OpenNlpDocumentModel();
    private static ModelEvaluation evaluation;

    @BeforeAll
    static void trainAndMeasure() throws IOException {
        byte[] model = MODELS.train(CORPUS.training());
        evaluation = ModelEvaluation.of(CORPUS.heldOut(), text -> Classification.of(MODELS.classify(model, text), "bundled/v0", false));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "intake-evaluation.md"), report(evaluation));
    }

    @Test
    void everyTypeHasAtLeastFortyTrainingDocuments_andTheSplitsShareNoText() {
        for (DocumentType type : DocumentType.values()) {
            assertThat(CORPUS.training().stream().filter(e -> e.type() == type).count()).as(type.name()).isGreaterThanOrEqualTo(40);
            assertThat(CORPUS.heldOut().stream().filter(e -> e.type() == type).count()).as(type.name()).isGreaterThanOrEqualTo(10);
        }
        Set<String> trained = new HashSet<>();
        CORPUS.training().forEach(e -> trained.add(e.text().strip()));
        assertThat(CORPUS.heldOut()).noneMatch(e -> trained.contains(e.text().strip()));
    }

    @Test
    void theHeldOutMacroF1_isAtLeastNinetyPercent() {
        assertThat(evaluation.macroF1()).as(report(evaluation)).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void trainingIsDeterministic_soEveryNodeHasTheSameBundledModel() {
        List<LabelledText> sample = CORPUS.training().subList(0, 120);
        byte[] first = MODELS.train(sample);
        byte[] second = MODELS.train(sample);
        for (LabelledText document : CORPUS.heldOut()) {
            assertThat(MODELS.classify(second, document.text())).isEqualTo(MODELS.classify(first, document.text()));
        }
    }

    @Test
    void confidenceIsCalibrated_theExpectedCalibrationErrorIsSmall() {
        assertThat(evaluation.expectedCalibrationError()).as(report(evaluation)).isLessThan(0.1);
    }

    static String report(ModelEvaluation e) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Held-out documents: %d; accuracy %.3f; macro-F1 %.3f; expected calibration error %.3f%n%n",
                e.documents(), e.accuracy(), e.macroF1(), e.expectedCalibrationError()));
        out.append("| type | support | precision | recall | F1 |\n|---|---:|---:|---:|---:|\n");
        e.perType().forEach((type, s) -> out.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n", type, s.support(),
                s.precision(), s.recall(), s.f1())));
        out.append("\nConfusion (rows: true type; columns: predicted, in the order of the rows)\n\n| true \\ predicted |");
        for (DocumentType t : DocumentType.values()) {
            out.append(' ').append(abbreviation(t)).append(" |");
        }
        out.append("\n|---|").append("---:|".repeat(DocumentType.values().length)).append('\n');
        e.confusion().forEach((truth, row) -> {
            out.append("| ").append(truth).append(" (").append(abbreviation(truth)).append(") |");
            row.values().forEach(n -> out.append(' ').append(n == 0 ? "." : n.toString()).append(" |"));
            out.append('\n');
        });
        out.append("\nCalibration (confidence bin: documents, mean confidence, share right)\n\n| bin | documents | mean confidence | accuracy |\n|---|---:|---:|---:|\n");
        e.calibration().stream().filter(b -> b.count() > 0).forEach(b -> out.append(String.format(Locale.ROOT, "| %.1f-%.1f | %d | %.3f | %.3f |%n",
                b.from(), b.to(), b.count(), b.meanConfidence(), b.accuracy())));
        return out.toString();
    }

    private static String abbreviation(DocumentType type) {
        StringBuilder a = new StringBuilder();
        for (String part : type.name().split("_")) {
            a.append(part.charAt(0));
        }
        return a.toString();
    }
}
