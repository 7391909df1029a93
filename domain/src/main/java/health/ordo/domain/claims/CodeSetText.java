package health.ordo.domain.claims;

import health.ordo.domain.shared.InvalidValueException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Code lists as text, one code a line, six tab-separated fields: {@code code, status (current | deactivated), start,
 * stop (ISO dates or empty), category (CARC) or kind (RARC: ALERT | REMARK), description}. Blank lines and lines starting
 * with {@code #} are skipped. The shipped lists are written so, and so are the lists a deployment or tenant loads.
 */
public final class CodeSetText {

    private CodeSetText() {
    }

    public static List<CarcCode> carc(String text) {
        return parse(text, "carc", f -> new CarcCode(f[0], f[5], category(f[4]), active(f[1]), date(f[2], "start"), date(f[3], "stop")));
    }

    public static List<RarcCode> rarc(String text) {
        return parse(text, "rarc", f -> new RarcCode(f[0], f[5], kind(f[4]), active(f[1]), date(f[2], "start"), date(f[3], "stop")));
    }

    public static String carcText(Collection<CarcCode> codes) {
        StringBuilder out = new StringBuilder();
        codes.forEach(c -> line(out, c.code(), c.active(), c.start(), c.stop(), c.category().name(), c.description()));
        return out.toString();
    }

    public static String rarcText(Collection<RarcCode> codes) {
        StringBuilder out = new StringBuilder();
        codes.forEach(c -> line(out, c.code(), c.active(), c.start(), c.stop(), c.alert() ? "ALERT" : "REMARK", c.description()));
        return out.toString();
    }

    private static void line(StringBuilder out, String code, boolean active, LocalDate start, LocalDate stop, String kind, String description) {
        out.append(code).append('\t').append(active ? "current" : "deactivated").append('\t').append(start == null ? "" : start)
                .append('\t').append(stop == null ? "" : stop).append('\t').append(kind).append('\t')
                .append(description.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ')).append('\n');
    }

    private static <T> List<T> parse(String text, String list, Function<String[], T> parse) {
        List<T> codes = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 6) {
                throw new InvalidValueException(list + "[line " + (i + 1) + "]", "has " + fields.length
                        + " tab-separated fields; a code line has 6: code, status, start, stop, " + (list.equals("carc") ? "category" : "kind")
                        + ", description");
            }
            try {
                codes.add(parse.apply(fields));
            } catch (InvalidValueException e) {
                throw new InvalidValueException(list + "[line " + (i + 1) + "]." + e.field(), e.getMessage());
            }
        }
        return codes;
    }

    /** Whether a status (current, deactivated; empty is current) means the code is in use. */
    public static boolean active(String status) {
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "current", "active", "tobe", "" -> true;
            case "deactivated", "inactive", "stopped" -> false;
            default -> throw new InvalidValueException("status", "status is current or deactivated, not '" + status + "'");
        };
    }

    /** A category by name, case-insensitively. */
    public static CarcCategory category(String name) {
        try {
            return CarcCategory.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("category", "'" + name + "' is not a category; one of " + List.of(CarcCategory.values()));
        }
    }

    /** Whether a remark kind (ALERT, REMARK; empty is REMARK) is an alert. */
    public static boolean kind(String kind) {
        return switch (kind.strip().toUpperCase(Locale.ROOT)) {
            case "ALERT" -> true;
            case "REMARK", "" -> false;
            default -> throw new InvalidValueException("kind", "a remark's kind is ALERT or REMARK, not '" + kind + "'");
        };
    }

    private static LocalDate date(String text, String field) {
        try {
            return text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "'" + text + "' is not a date (YYYY-MM-DD)");
        }
    }
}
