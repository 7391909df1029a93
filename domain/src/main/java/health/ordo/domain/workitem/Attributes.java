package health.ordo.domain.workitem;

import health.ordo.domain.shared.InvalidValueException;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Source-specific facts about a work item (payer, CARC code, supplier, business unit...): a flat map from a
 * name to a scalar (text, decimal number or boolean). Kept sorted by name so its canonical form is stable.
 */
public record Attributes(Map<String, Object> values) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private static final int MAX_ENTRIES = 100;
    private static final int MAX_TEXT = 2000;

    public static final Attributes NONE = new Attributes(Map.of());

    public Attributes {
        values = values == null ? Map.of() : values;
        InvalidValueException.require(values.size() <= MAX_ENTRIES, "attributes",
                "attributes holds more than " + MAX_ENTRIES + " entries");
        TreeMap<String, Object> copy = new TreeMap<>();
        values.forEach((name, value) -> copy.put(checkedName(name), checkedValue(name, value)));
        values = Collections.unmodifiableMap(copy);
    }

    public static Attributes of(Map<String, ?> values) {
        return new Attributes(values == null ? Map.of() : Map.copyOf(values));
    }

    /** The text value of an attribute, or null when absent. */
    public String text(String name) {
        Object value = values.get(name);
        return value == null ? null : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    private static String checkedName(String name) {
        InvalidValueException.require(name != null && NAME.matcher(name).matches(), "attributes",
                "attribute names start with a letter and hold up to 64 letters, digits, '_', '.' or '-'");
        return name;
    }

    private static Object checkedValue(String name, Object value) {
        String field = "attributes." + name;
        if (value instanceof String s) {
            InvalidValueException.require(s.length() <= MAX_TEXT, field, field + " is longer than " + MAX_TEXT + " characters");
            return s;
        }
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString());
        }
        throw new InvalidValueException(field, field + " must be a string, a number or a boolean");
    }

    /** A stable, unambiguous textual form, used to tell a faithful re-delivery from a changed one. */
    String canonicalForm() {
        StringBuilder out = new StringBuilder();
        values.forEach((name, value) -> {
            String text = value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString();
            char kind = value instanceof String ? 's' : value instanceof Boolean ? 'b' : 'n';
            out.append(name.length()).append(':').append(name).append(kind).append(text.length()).append(':').append(text);
        });
        return out.toString();
    }
}
