package health.ordo.domain.intake;

import java.util.Objects;

/**
 * One field read from a document's text.
 *
 * @param value      the normalised value: ISO date {@code 2026-03-14}, amount {@code 1234.50}, codes comma-separated
 *                   {@code 50,197}, identifiers as printed
 * @param confidence 0..1: how sure the reading is (a labelled value that validates is near 1; a guess from position far lower)
 * @param valid      whether the value passed its field's check (NPI check digit, EIN prefix, a real calendar date, a known
 *                   code); an invalid value is kept for the reviewer but never used to create work
 * @param evidence   the text the value was read from (at most one line), or a note of how it was derived
 * @param problem    why the value is invalid or doubtful, or null
 */
public record ExtractedField(DocumentType.Field field, String value, double confidence, boolean valid, String evidence, String problem) {

    public ExtractedField {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
        evidence = evidence == null ? "" : evidence.length() > 200 ? evidence.substring(0, 200) : evidence;
    }

    /** A value a person typed or confirmed: certain and checked by the reviewer. */
    public static ExtractedField confirmed(DocumentType.Field field, String value) {
        return new ExtractedField(field, value, 1.0, true, "entered by a reviewer", null);
    }
}
