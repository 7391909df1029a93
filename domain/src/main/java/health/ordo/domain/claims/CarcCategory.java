package health.ordo.domain.claims;

/**
 * What a Claim Adjustment Reason Code means to the back office. The first three are routine and never a denial; the
 * others are denials, grouped by what it takes to work them; {@link #UNKNOWN_CODE} is a code the code set in force does
 * not hold, whose item is for review and scored low.
 */
public enum CarcCategory {
    /** A routine adjustment under the contract or the law (fee schedule, capitation, sequestration, prior payer). */
    CONTRACTUAL,
    /** What the patient owes (deductible, coinsurance, co-payment). */
    PATIENT_RESPONSIBILITY,
    /** Informs without denying (payment made to the patient, to an employer). */
    INFORMATIONAL,
    ELIGIBILITY, AUTHORIZATION, CODING, MEDICAL_NECESSITY, MISSING_INFORMATION, TIMELY_FILING, DUPLICATE,
    COORDINATION_OF_BENEFITS, NON_COVERED, BENEFIT_LIMIT,
    /** A denial for another reason. */
    OTHER,
    /** A code not in the code set in force: its item is for review, and the standard priority policy keeps its score low. */
    UNKNOWN_CODE;

    /** Whether codes of this category are routine adjustments, never a denial whatever their group. */
    public boolean routine() {
        return this == CONTRACTUAL || this == PATIENT_RESPONSIBILITY || this == INFORMATIONAL;
    }

    /** Whether this is a denial category (not routine and not unknown). */
    public boolean denial() {
        return !routine() && this != UNKNOWN_CODE;
    }
}
