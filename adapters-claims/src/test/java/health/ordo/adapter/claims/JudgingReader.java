package health.ordo.adapter.claims;

import health.ordo.application.service.claims.ClaimFinding;
import health.ordo.application.service.claims.RemittanceClassifier;
import health.ordo.domain.claims.AppealDeadlineRule;
import health.ordo.domain.claims.BuiltInCodeSet;
import health.ordo.spi.claims.ClaimPayment;
import health.ordo.spi.claims.RemittanceAdvice;
import health.ordo.spi.claims.RemittanceReader;

import java.util.List;

/** A reader with Ordo's claims rules after it, as the remittance ingestion applies them, for the readers' tests. */
public final class JudgingReader {

    /** A document read and judged. */
    public record Judged(int interchanges, List<ClaimFinding> claims, List<String> warnings) {
    }

    private final RemittanceReader reader;
    private final RemittanceClassifier classifier;

    public JudgingReader(RemittanceReader reader, AppealDeadlineRule rule) {
        this.reader = reader;
        this.classifier = new RemittanceClassifier(rule);
    }

    /** The rules alone, for a test that reads payments itself. */
    public JudgingReader(AppealDeadlineRule rule) {
        this(null, rule);
    }

    public Judged read(byte[] document) {
        RemittanceAdvice advice = reader.read(document);
        return new Judged(advice.documents(), advice.claims().stream().map(this::judge).toList(), advice.warnings());
    }

    public ClaimFinding judge(ClaimPayment claim) {
        return classifier.classify(claim, BuiltInCodeSet.get());
    }
}
