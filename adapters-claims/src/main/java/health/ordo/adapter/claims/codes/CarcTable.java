package health.ordo.adapter.claims.codes;

import java.util.Map;

/**
 * Claim Adjustment Reason Codes that Ordo recognizes, with the denial category an operations team works them under.
 * Version {@value #VERSION}. Routine adjustments (contractual CO-45 and CO-A2, deductible PR-1, coinsurance PR-2, co-payment
 * PR-3, prior payer OA-23, capitation 24, negotiated discount 131, sequestration 253 and the like) are not denials. A code not
 * in the table is never a reason to drop the claim: with group CO, OA or PI its item is created for review, category
 * {@link Category#UNKNOWN_CODE}, which the standard priority policy scores low (never a top-priority denial).
 */
public final class CarcTable {

    public static final String VERSION = "2026-12-04";

    /** Denial categories. */
    public enum Category { ELIGIBILITY, AUTHORIZATION, CODING, MEDICAL_NECESSITY, MISSING_INFORMATION, TIMELY_FILING, DUPLICATE,
        COORDINATION_OF_BENEFITS, NON_COVERED, OTHER,
        /** A code not in this table: the item is for review, and the standard priority policy keeps its score low. */
        UNKNOWN_CODE }

    public record Code(String description, Category category) {
    }

    /** Adjustments that are part of ordinary adjudication, whatever their group: never a denial. */
    private static final Map<String, String> ROUTINE = Map.ofEntries(
            Map.entry("1", "Deductible amount"),
            Map.entry("2", "Coinsurance amount"),
            Map.entry("3", "Co-payment amount"),
            Map.entry("23", "The impact of prior payer(s) adjudication including payments and/or adjustments"),
            Map.entry("24", "Charges are covered under a capitation agreement/managed care plan"),
            Map.entry("42", "Charges exceed our fee schedule or maximum allowable amount"),
            Map.entry("45", "Charge exceeds fee schedule/maximum allowable or contracted/legislated fee arrangement"),
            Map.entry("59", "Processed based on multiple or concurrent procedure rules"),
            Map.entry("66", "Blood deductible"),
            Map.entry("94", "Processed in excess of charges"),
            Map.entry("100", "Payment made to patient/insured/responsible party"),
            Map.entry("104", "Managed care withholding"),
            Map.entry("118", "ESRD network support adjustment"),
            Map.entry("122", "Psychiatric reduction"),
            Map.entry("131", "Claim specific negotiated discount"),
            Map.entry("132", "Prearranged demonstration project adjustment"),
            Map.entry("144", "Incentive adjustment"),
            Map.entry("161", "Provider performance bonus"),
            Map.entry("187", "Consumer spending account payments"),
            Map.entry("223", "Adjustment for a mandated federal, state or local law/regulation not covered by another code"),
            Map.entry("237", "Legislated/regulatory penalty"),
            Map.entry("241", "Low Income Subsidy (LIS) co-payment amount"),
            Map.entry("253", "Sequestration - reduction in federal payment"),
            Map.entry("A2", "Contractual adjustment"));

    /** Reasons that lower the payment below the allowed amount without the payer paying less than it owes. */
    private static final java.util.Set<String> WITHIN_ALLOWED = java.util.Set.of("23", "104", "237", "253");

    private static final Map<String, Code> DENIALS = Map.ofEntries(
            Map.entry("26", new Code("Expenses incurred prior to coverage", Category.ELIGIBILITY)),
            Map.entry("27", new Code("Expenses incurred after coverage terminated", Category.ELIGIBILITY)),
            Map.entry("31", new Code("Patient cannot be identified as our insured", Category.ELIGIBILITY)),
            Map.entry("109", new Code("Claim not covered by this payer/contractor", Category.ELIGIBILITY)),
            Map.entry("197", new Code("Precertification/authorization/notification absent", Category.AUTHORIZATION)),
            Map.entry("15", new Code("The authorization number is missing, invalid, or does not apply", Category.AUTHORIZATION)),
            Map.entry("4", new Code("The procedure code is inconsistent with the modifier used", Category.CODING)),
            Map.entry("11", new Code("The diagnosis is inconsistent with the procedure", Category.CODING)),
            Map.entry("97", new Code("Payment included in the allowance for another service", Category.CODING)),
            Map.entry("50", new Code("Not deemed a medical necessity by the payer", Category.MEDICAL_NECESSITY)),
            Map.entry("167", new Code("This (these) diagnosis(es) is (are) not covered", Category.MEDICAL_NECESSITY)),
            Map.entry("16", new Code("Claim/service lacks information needed for adjudication", Category.MISSING_INFORMATION)),
            Map.entry("251", new Code("The attachment/other documentation received was incomplete", Category.MISSING_INFORMATION)),
            Map.entry("252", new Code("An attachment/other documentation is required", Category.MISSING_INFORMATION)),
            Map.entry("29", new Code("The time limit for filing has expired", Category.TIMELY_FILING)),
            Map.entry("18", new Code("Exact duplicate claim/service", Category.DUPLICATE)),
            Map.entry("22", new Code("This care may be covered by another payer per coordination of benefits", Category.COORDINATION_OF_BENEFITS)),
            Map.entry("96", new Code("Non-covered charge(s)", Category.NON_COVERED)),
            Map.entry("204", new Code("Service not covered under the patient's current benefit plan", Category.NON_COVERED)));

    private CarcTable() {
    }

    /** Whether an adjustment of this group and reason denies (rather than routinely adjusts) the claim or line. */
    public static boolean isDenial(String group, String carc) {
        if (ROUTINE.containsKey(carc) || "CR".equals(group)) {
            return false; // CR: a 4010 correction or reversal of an earlier adjustment, not a denial of its own
        }
        if (DENIALS.containsKey(carc)) {
            return !"PR".equals(group) || "204".equals(carc) || "96".equals(carc) || "27".equals(carc) || "26".equals(carc);
        }
        return !"PR".equals(group);
    }

    /** Whether the code is a routine adjustment whatever its group (contractual, deductible, coinsurance, co-payment). */
    public static boolean isRoutine(String carc) {
        return ROUTINE.containsKey(carc);
    }

    /**
     * Whether an adjustment explains part of the allowed amount that was not paid: the patient's share (group PR), a
     * prior payer's payment (23), managed care withholding (104), a penalty (237) or sequestration (253). What is left
     * of the allowed amount after these and the payment is an underpayment.
     */
    public static boolean reducesPaymentWithinAllowed(String group, String carc) {
        return "PR".equals(group) || WITHIN_ALLOWED.contains(carc);
    }

    /** The denial category of a code; {@link Category#UNKNOWN_CODE} for one in neither list of this version. */
    public static Category category(String carc) {
        Code code = DENIALS.get(carc);
        return code != null ? code.category() : ROUTINE.containsKey(carc) ? Category.OTHER : Category.UNKNOWN_CODE;
    }

    public static String description(String carc) {
        Code code = DENIALS.get(carc);
        if (code != null) {
            return code.description();
        }
        return ROUTINE.getOrDefault(carc, "CARC " + carc + " (not in table " + VERSION + ")");
    }
}
