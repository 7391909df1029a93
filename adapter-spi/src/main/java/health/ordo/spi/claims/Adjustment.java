package health.ordo.spi.claims;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One reason a payer gives for paying other than what was billed.
 *
 * @param group  the X12 group code (CO contractual obligation, PR patient responsibility, OA other, PI payer initiated,
 *               CR correction), or null when the format has none
 * @param code   the reason code as the payer wrote it
 * @param system which code list the code is from
 * @param amount the money this reason took off, when the format states it per reason (X12 CAS); null when it does not
 *               (a FHIR adjudication's amount belongs to its category, not to its reason)
 */
public record Adjustment(String group, String code, CodeSystem system, BigDecimal amount) {

    /** The code lists a reason can come from. */
    public enum CodeSystem {
        /** X12 Claim Adjustment Reason Codes. */
        CARC,
        /** The FHIR R4 example adjudication-reason codes (ar001 not covered, ar002 plan limit reached): both deny. */
        FHIR_ADJUDICATION_REASON,
        /** A payer's own code list, which says nothing Ordo can read as a denial. */
        OTHER
    }

    public Adjustment {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(system, "system");
    }
}
