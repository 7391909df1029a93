package health.ordo.domain.tenant;

import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How a tenant's pages look and speak: display name, logo, primary and accent colours, and terminology overrides
 * (e.g. "work item" → "case") from a fixed set of terms.
 *
 * @param logoUrl an https URL, or null
 */
public record Branding(TenantId tenant, String displayName, String logoUrl, String primaryColor, String accentColor,
                       Map<String, String> terminology) {

    /** Terms a tenant may rename. */
    public static final Set<String> TERMS = Set.of("work item", "work items", "queue", "queues", "worker", "workers", "supervisor",
            "priority", "backlog", "get next work");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    public Branding {
        InvalidValueException.require(displayName != null && !displayName.isBlank() && displayName.length() <= 100, "displayName",
                "displayName is required, at most 100 characters");
        InvalidValueException.require(logoUrl == null || (logoUrl.startsWith("https://") && logoUrl.length() <= 500), "logoUrl",
                "logoUrl must be an https URL of at most 500 characters");
        InvalidValueException.require(primaryColor != null && COLOR.matcher(primaryColor).matches(), "primaryColor",
                "primaryColor must look like #1A73E8");
        InvalidValueException.require(accentColor != null && COLOR.matcher(accentColor).matches(), "accentColor",
                "accentColor must look like #F4B400");
        terminology = terminology == null ? Map.of() : new TreeMap<>(terminology);
        for (Map.Entry<String, String> term : terminology.entrySet()) {
            InvalidValueException.require(TERMS.contains(term.getKey()), "terminology." + term.getKey(),
                    "only these terms can be renamed: " + new java.util.TreeSet<>(TERMS));
            InvalidValueException.require(term.getValue() != null && !term.getValue().isBlank() && term.getValue().length() <= 40,
                    "terminology." + term.getKey(), "a term is 1 to 40 characters");
        }
        terminology = Map.copyOf(terminology);
        displayName = displayName.strip();
    }

    /** Ordo's own look, for a tenant that has not branded itself. */
    public static Branding standard(TenantId tenant, String name) {
        return new Branding(tenant, name, null, "#1A5FB4", "#E5A50A", Map.of());
    }
}
