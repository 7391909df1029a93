package health.ordo.domain.intake;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The deterministic fallback when no trained model is active or the model fails: phrases that mark each type, weighted.
 * It answers with a confidence that never passes {@link #MAX_CONFIDENCE}, and its classifications are marked degraded, so
 * every document it reads goes to a person; it exists so that intake never stops, not to replace the model.
 */
public final class KeywordClassifier {

    /** The fallback never claims more certainty than this. */
    public static final double MAX_CONFIDENCE = 0.6;

    private record Cue(String phrase, double weight) {
    }

    private static final Map<DocumentType, List<Cue>> CUES = new EnumMap<>(Map.of(
            DocumentType.DENIAL_LETTER, List.of(new Cue("denied", 2), new Cue("denial", 2), new Cue("adverse benefit determination", 3),
                    new Cue("not payable", 2), new Cue("not covered", 1), new Cue("right to appeal", 1.5), new Cue("appeal rights", 1.5),
                    new Cue("reason code", 1), new Cue("timely filing", 1)),
            DocumentType.EXPLANATION_OF_BENEFITS, List.of(new Cue("explanation of benefits", 4), new Cue("remittance", 3),
                    new Cue("allowed", 1.5), new Cue("patient responsibility", 2), new Cue("check number", 2), new Cue("eft", 1),
                    new Cue("this is not a bill", 2), new Cue("remark code", 1.5), new Cue("payment summary", 2)),
            DocumentType.PRIOR_AUTH_DETERMINATION, List.of(new Cue("prior authorization", 3), new Cue("pre-certification", 3),
                    new Cue("precertification", 3), new Cue("authorization number", 2), new Cue("approved units", 2),
                    new Cue("peer-to-peer", 2), new Cue("utilization", 1.5), new Cue("requested service", 1.5), new Cue("pre-service", 2)),
            DocumentType.MEDICAL_RECORDS_REQUEST, List.of(new Cue("medical records", 3), new Cue("additional documentation", 3),
                    new Cue("records request", 3), new Cue("please submit", 1.5), new Cue("copies of", 1.5), new Cue("audit", 1.5),
                    new Cue("esmd", 2), new Cue("subpoena", 2), new Cue("adr", 1)),
            DocumentType.APPEAL_DECISION, List.of(new Cue("appeal decision", 4), new Cue("your appeal", 2), new Cue("overturned", 3),
                    new Cue("upheld", 3), new Cue("reconsideration", 2), new Cue("redetermination", 3), new Cue("we have reviewed your appeal", 4),
                    new Cue("independent review", 2)),
            DocumentType.SUPPLIER_INVOICE, List.of(new Cue("invoice", 3), new Cue("amount due", 2), new Cue("remit to", 2),
                    new Cue("payment terms", 2), new Cue("net 30", 2), new Cue("subtotal", 2), new Cue("qty", 1), new Cue("unit price", 2),
                    new Cue("purchase order", 1)),
            DocumentType.SUPPLIER_ONBOARDING, List.of(new Cue("w-9", 4), new Cue("taxpayer identification", 3), new Cue("vendor registration", 3),
                    new Cue("vendor setup", 3), new Cue("new vendor", 3), new Cue("ach", 1.5), new Cue("direct deposit", 2),
                    new Cue("federal tax classification", 3), new Cue("vendor information", 2)),
            DocumentType.CREDENTIAL_EXPIRY, List.of(new Cue("expire", 2), new Cue("expiration", 2), new Cue("renewal", 2), new Cue("license", 2),
                    new Cue("licence", 2), new Cue("dea", 2), new Cue("board certification", 3), new Cue("re-credentialing", 3),
                    new Cue("recredentialing", 3), new Cue("caqh", 2), new Cue("reappointment", 2)),
            DocumentType.REFERRAL, List.of(new Cue("referral", 3), new Cue("referred", 2), new Cue("reason for referral", 4),
                    new Cue("referring provider", 3), new Cue("consult", 2), new Cue("please schedule", 2), new Cue("please see", 1)),
            DocumentType.OTHER, List.of(new Cue("newsletter", 3), new Cue("bulletin", 2), new Cue("unsubscribe", 3), new Cue("webinar", 2),
                    new Cue("office will be closed", 3), new Cue("survey", 2), new Cue("recall", 2), new Cue("welcome to", 1.5))));

    /** Classifies by the weighted phrases found; OTHER when nothing marks any type. */
    public Classification classify(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        Map<DocumentType, Double> scores = new EnumMap<>(DocumentType.class);
        double total = 0;
        for (DocumentType type : DocumentType.values()) {
            double score = 0;
            for (Cue cue : CUES.getOrDefault(type, List.of())) {
                if (lower.contains(cue.phrase())) {
                    score += cue.weight();
                }
            }
            scores.put(type, score);
            total += score;
        }
        Map<DocumentType, Double> probabilities = new EnumMap<>(DocumentType.class);
        if (total == 0) {
            for (DocumentType type : DocumentType.values()) {
                probabilities.put(type, type == DocumentType.OTHER ? MAX_CONFIDENCE : (1 - MAX_CONFIDENCE) / (DocumentType.values().length - 1));
            }
            return Classification.of(probabilities, Classification.KEYWORDS, true);
        }
        // p = a * share + b with a + n * b = 1 (a distribution) and a + b = MAX_CONFIDENCE (the cap)
        int n = DocumentType.values().length;
        double a = (MAX_CONFIDENCE * n - 1) / (n - 1);
        double b = (1 - a) / n;
        for (Map.Entry<DocumentType, Double> e : scores.entrySet()) {
            probabilities.put(e.getKey(), e.getValue() / total * a + b);
        }
        return Classification.of(probabilities, Classification.KEYWORDS, true);
    }
}
