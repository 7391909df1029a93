package health.ordo.domain.claims;

import health.ordo.domain.shared.InvalidValueException;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A version of the CARC and RARC lists with what each reason code means to the back office. Routine adjustments
 * (contractual, patient responsibility, informational) never deny; a denial category's code denies unless the patient is
 * responsible for it (group PR), except for non-covered services and coverage gaps, which are work whoever owes the
 * money; a code outside the set denies unless its group is PR, and its item is for review ({@link CarcCategory#UNKNOWN_CODE}).
 * Deactivated codes stay in the set: a remittance or an old denial may still carry them.
 *
 * @param version the list's version, e.g. the publication it is taken from
 */
public record CodeSet(String version, Map<String, CarcCode> carc, Map<String, RarcCode> rarc) {

    /** Reasons that lower the payment below the allowed amount without the payer paying less than it owes. */
    private static final Set<String> WITHIN_ALLOWED = Set.of("23", "104", "237", "253");

    public CodeSet {
        if (version == null || version.isBlank() || version.length() > 40) {
            throw new InvalidValueException("version", "a code set needs a version of 1 to 40 characters");
        }
        carc = Map.copyOf(carc);
        rarc = Map.copyOf(rarc);
    }

    /** A code set of these codes, each code once. */
    public static CodeSet of(String version, Collection<CarcCode> carcs, Collection<RarcCode> rarcs) {
        Map<String, CarcCode> carc = new LinkedHashMap<>();
        for (CarcCode code : carcs) {
            if (carc.put(code.code(), code) != null) {
                throw new InvalidValueException("code", "CARC " + code.code() + " is listed twice");
            }
        }
        Map<String, RarcCode> rarc = new LinkedHashMap<>();
        for (RarcCode code : rarcs) {
            if (rarc.put(code.code(), code) != null) {
                throw new InvalidValueException("code", "RARC " + code.code() + " is listed twice");
            }
        }
        return new CodeSet(version, carc, rarc);
    }

    public Optional<CarcCode> carc(String code) {
        return Optional.ofNullable(carc.get(code));
    }

    public Optional<RarcCode> rarc(String code) {
        return Optional.ofNullable(rarc.get(code));
    }

    /** The code's category; {@link CarcCategory#UNKNOWN_CODE} for a code outside this set. */
    public CarcCategory category(String code) {
        CarcCode known = carc.get(code);
        return known == null ? CarcCategory.UNKNOWN_CODE : known.category();
    }

    /** Whether the code is a routine adjustment whatever its group (contractual, deductible, coinsurance, co-payment). */
    public boolean isRoutine(String code) {
        return category(code).routine();
    }

    /** Whether an adjustment of this group (CO, PR, OA, PI, CR; null when the format has none) and code denies. */
    public boolean isDenial(String group, String code) {
        CarcCategory category = category(code);
        if (category.routine() || "CR".equals(group)) {
            return false; // CR: a 4010 correction or reversal of an earlier adjustment, not a denial of its own
        }
        boolean patientOwes = "PR".equals(group);
        return !patientOwes || category == CarcCategory.NON_COVERED || category == CarcCategory.ELIGIBILITY;
    }

    /**
     * Whether an adjustment explains part of the allowed amount that was not paid: the patient's share (group PR), a
     * prior payer's payment (23), managed care withholding (104), a penalty (237) or sequestration (253). What is left
     * of the allowed amount after these and the payment is an underpayment.
     */
    public boolean reducesPaymentWithinAllowed(String group, String code) {
        return "PR".equals(group) || WITHIN_ALLOWED.contains(code);
    }

    /**
     * The code's description in this set for a title, without the list's usage notes and final full stop; or a text
     * saying it is not in the set.
     */
    public String description(String code) {
        CarcCode known = carc.get(code);
        if (known == null || known.description().isEmpty()) {
            return "CARC " + code + (known == null ? " (not in code set " + version + ")" : "");
        }
        String text = known.description();
        int usage = text.indexOf(" Usage:");
        text = (usage > 0 ? text.substring(0, usage) : text).strip();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** This set with these CARCs and RARCs added or replaced, under a new version. */
    public CodeSet with(String newVersion, Collection<CarcCode> carcs, Collection<RarcCode> rarcs) {
        Map<String, CarcCode> nextCarc = new LinkedHashMap<>(carc);
        carcs.forEach(c -> nextCarc.put(c.code(), c));
        Map<String, RarcCode> nextRarc = new LinkedHashMap<>(rarc);
        rarcs.forEach(r -> nextRarc.put(r.code(), r));
        return new CodeSet(newVersion, nextCarc, nextRarc);
    }
}
