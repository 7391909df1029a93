package health.ordo.domain.workitem;

import java.util.Locale;
import java.util.Set;

/**
 * Which attributes are protected health information, financial, or operational. PHI attributes (patient identifiers
 * and names, member ids, dates of birth, medical record numbers) are masked for a WORKER on items not assigned to them.
 */
public final class AttributeClassification {

    /** Classes of attributes. */
    public enum Kind { PHI, FINANCIAL, OPERATIONAL }

    /** The attribute text shown instead of a masked value. */
    public static final String MASK = "***";

    private static final Set<String> PHI = Set.of("patientcontrolnumber", "patientreference", "patientname", "patientid", "memberid",
            "subscriberid", "dateofbirth", "birthdate", "medicalrecordnumber", "mrn", "ssn", "patientaccountnumber", "insuredid",
            // a payer's free-text disposition may name the patient
            "disposition");
    /** Shorter values are not looked for in free text: they would mask unrelated words and numbers. */
    private static final int SHORTEST_SCRUBBED = 4;

    private AttributeClassification() {
    }

    /** A copy of the attributes with every PHI value replaced by {@link #MASK}. */
    public static java.util.Map<String, Object> masked(java.util.Map<String, Object> attributes) {
        java.util.Map<String, Object> masked = new java.util.LinkedHashMap<>();
        attributes.forEach((name, value) -> masked.put(name, classify(name) == Kind.PHI ? MASK : value));
        return masked;
    }

    /**
     * Free text (a title, an external id) with every PHI attribute value of the item that occurs in it replaced by
     * {@link #MASK}: the backstop for text that a source or an API caller wrote with PHI in it.
     */
    public static String scrubbed(String text, java.util.Map<String, Object> attributes) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (java.util.Map.Entry<String, Object> attribute : attributes.entrySet()) {
            if (classify(attribute.getKey()) == Kind.PHI && attribute.getValue() != null) {
                String value = attribute.getValue().toString().strip();
                if (value.length() >= SHORTEST_SCRUBBED) {
                    result = result.replace(value, MASK);
                }
            }
        }
        return result;
    }

    public static boolean hasPhi(java.util.Collection<String> attributeNames) {
        return attributeNames.stream().anyMatch(name -> classify(name) == Kind.PHI);
    }

    public static Kind classify(String attribute) {
        String name = attribute.toLowerCase(Locale.ROOT);
        if (PHI.contains(name) || name.startsWith("patient")) {
            return Kind.PHI;
        }
        if (name.contains("amount") || name.contains("paid") || name.contains("billed") || name.contains("price")) {
            return Kind.FINANCIAL;
        }
        return Kind.OPERATIONAL;
    }
}
