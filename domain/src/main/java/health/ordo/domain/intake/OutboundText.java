package health.ordo.domain.intake;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What of a document's text may leave Ordo for a deployment's own language model. Where the deployment allows protected
 * health information to go there, the text goes as it is. Where it does not (the default), only a document the classifier
 * is sure carries none may go: a supplier invoice, an onboarding form or a credential notice, with at most
 * {@value #MAX_PHI_LIKELIHOOD} of its probability on the patient-facing types. Even then its identifiers (the tax id and
 * every other number read from it, and any long run of digits) are masked before it goes.
 */
public final class OutboundText {

    /** The most probability the classifier may give the patient-facing types for a document to go without PHI allowed. */
    public static final double MAX_PHI_LIKELIHOOD = 0.05;
    static final String MASK = "[masked]";
    private static final Set<DocumentType.Field> IDENTIFIERS = EnumSet.of(DocumentType.Field.MEMBER_ID,
            DocumentType.Field.PATIENT_ACCOUNT_NUMBER, DocumentType.Field.CLAIM_NUMBER, DocumentType.Field.NPI, DocumentType.Field.TAX_ID,
            DocumentType.Field.AUTHORIZATION_NUMBER, DocumentType.Field.INVOICE_NUMBER, DocumentType.Field.PO_NUMBER);
    /** Social security and tax numbers, phone numbers, account numbers: any run of digits (with dashes or spaces) of 7 or more. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d(?:[ -]?\\d){6,}");

    private OutboundText() {
    }

    /**
     * @param phiAllowed whether the deployment lets protected health information reach its model
     * @param maxChars   the most characters sent
     * @return the text to send; empty when none may go
     */
    public static Optional<String> of(IntakeDocument document, boolean phiAllowed, int maxChars) {
        String text = document.text();
        Classification classification = document.classification();
        if (text == null || text.isBlank() || classification == null) {
            return Optional.empty();
        }
        if (phiAllowed) {
            return Optional.of(cut(text, maxChars));
        }
        if (classification.type().carriesPhi() || phiLikelihood(classification) > MAX_PHI_LIKELIHOOD) {
            return Optional.empty();
        }
        String masked = text;
        for (ExtractedField field : document.fields().stream()
                .sorted(Comparator.comparingInt((ExtractedField f) -> f.value().length()).reversed()).toList()) {
            if (IDENTIFIERS.contains(field.field()) && field.value().length() >= 3) {
                masked = masked.replace(field.value(), MASK);
            }
        }
        masked = LONG_NUMBER.matcher(masked).replaceAll(MASK);
        return Optional.of(cut(masked, maxChars));
    }

    /** How much of the classifier's probability lies on the types that carry PHI. */
    static double phiLikelihood(Classification classification) {
        Map<DocumentType, Double> probabilities = classification.probabilities();
        if (probabilities.isEmpty()) {
            return classification.type().carriesPhi() ? 1 : 0;
        }
        return probabilities.entrySet().stream().filter(e -> e.getKey().carriesPhi()).mapToDouble(Map.Entry::getValue).sum();
    }

    private static String cut(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars);
    }
}
