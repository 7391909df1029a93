package health.ordo.domain.shared;

import java.util.regex.Pattern;

/** The tenant that owns a piece of data: a short lower-case slug such as {@code demo} or {@code st-marys}. */
public record TenantId(String value) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public TenantId {
        InvalidValueException.require(value != null && SLUG.matcher(value).matches(), "tenant",
                "tenant must be 1-63 lower-case letters, digits or dashes");
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
