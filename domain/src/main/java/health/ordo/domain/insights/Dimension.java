package health.ordo.domain.insights;

import java.util.Locale;

/** What insights can be grouped and filtered by. Every fact has a value for each (or none). */
public enum Dimension {
    QUEUE, TYPE, TEAM, SITE, WORKER, PAYER, SUPPLIER, SPECIALTY, SOURCE_SYSTEM;

    /** The value a fact without one is grouped under. */
    public static final String NONE = "(none)";

    private final String apiName = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The name in the API, e.g. {@code source-system}. */
    public String apiName() {
        return apiName;
    }

    /** By API name, e.g. {@code payer}; also accepts {@code facility} for {@link #SITE}. Null when unknown. */
    public static Dimension fromApiName(String name) {
        if (name == null) {
            return null;
        }
        String normalized = name.trim().toLowerCase(Locale.ROOT);
        if (normalized.equals("facility")) {
            return SITE;
        }
        for (Dimension dimension : values()) {
            if (dimension.apiName().equals(normalized)) {
                return dimension;
            }
        }
        return null;
    }
}
