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
            "subscriberid", "dateofbirth", "birthdate", "medicalrecordnumber", "mrn", "ssn", "patientaccountnumber", "insuredid");

    private AttributeClassification() {
    }

    /** A copy of the attributes with every PHI value replaced by {@link #MASK}. */
    public static java.util.Map<String, Object> masked(java.util.Map<String, Object> attributes) {
        java.util.Map<String, Object> masked = new java.util.LinkedHashMap<>();
        attributes.forEach((name, value) -> masked.put(name, classify(name) == Kind.PHI ? MASK : value));
        return masked;
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
