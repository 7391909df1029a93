package health.ordo.domain.intake;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the value a label points at, wherever the layout put it: after the label on its line ("Claim No.: 123",
 * "NPI ........ 123"), on the next line ("Remit to:" / name), or in the same column of the rows under a table header.
 */
final class LabelledValues {

    private static final Pattern LEADING_SEPARATORS = Pattern.compile("^(?:[\\s.:#=|>_–…]|-(?![\\d$]))*");
    private static final Pattern LEADING_NOISE = Pattern.compile("^(?:[\\s:#.=|>\\-]+|\\([^)]{0,30}\\)\\s*|[/&]\\s*[A-Za-z][A-Za-z .#/()]{0,30}?(?:[:#]\\s*|\\s{2,})"
            + "|[A-Za-z][A-Za-z .()]{0,25}(?:\\s\\d{1,2})?:\\s+|\\d{1,2}\\s*[:.)]\\s+(?=\\S*\\d))*");
    private static final Pattern ID_TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\-/.]*");
    private static final Set<String> LABEL_WORDS = Set.of("PO", "NO", "NO.", "ID", "#", "NUM", "NBR", "REF", "NUMBER");
    private static final Set<String> NOT_PREFIXES = Set.of("NET", "DUE", "DAYS", "PAGE", "BOX", "SUITE", "STE", "APT", "ROOM", "RM", "DOS", "DOB",
            "AGE", "QTY", "UNIT", "UNITS", "CPT", "ICD", "DX", "REV", "VER", "TEL", "FAX", "PH", "EXT");
    private static final Pattern NEXT_IS_LABEL = Pattern.compile("^\\s*[A-Za-z][A-Za-z .#/()]{0,25}:");
    private static final Pattern OCR_DIGIT = Pattern.compile("(?<=\\d)[Oo](?=\\d)");
    private static final Pattern OCR_ONE = Pattern.compile("(?<=\\d)[Il](?=\\d)");
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{3}-\\d{3}-\\d{4}");
    private static final Pattern NPI_DIGITS = Pattern.compile("(?<![\\d-])(\\d{10})(?![\\d-])");
    private static final Pattern EIN = Pattern.compile("(?<![\\d-])(\\d{2})\\s?-\\s?(\\d{7})(?![\\d-])|(?<![\\d-])(\\d{9})(?![\\d-])|(?<![\\d-])(\\d{3}-\\d{2}-\\d{4})(?![\\d-])");
    private static final Set<String> BAD_EIN_PREFIXES = Set.of("00", "07", "08", "09", "17", "18", "19", "28", "29", "49", "69", "70", "78",
            "79", "89", "96", "97");

    private LabelledValues() {
    }

    /** A value read for a field, before it becomes an {@link ExtractedField}. */
    record Value(String value, boolean valid, String problem, String evidence, int line) {
        static Value ok(String value, String evidence, int line) {
            return new Value(value, true, null, evidence, line);
        }
    }

    /** How one kind of value is read from a piece of text: returns null when the text holds none. */
    interface Parser extends Function<String, Value> {
    }

    /** The place a value was read from, lowering confidence the further it is from the label. */
    enum Place {
        INLINE(0), NEXT_LINE(0.04), COLUMN(0.07);

        final double penalty;

        Place(double penalty) {
            this.penalty = penalty;
        }
    }

    /** A value and where it was found. */
    record Read(Value value, Place place) {
    }

    /**
     * The value the label matched by {@code m} on line {@code i} points at.
     *
     * @param wholeLine whether the value may be anywhere in the rest of the line (amounts, dates), or must follow the
     *                  label directly (identifiers, names)
     * @param distinct  whether a column holding several different values is ambiguous (a statement's invoice column)
     */
    static Read read(DocText doc, int i, Matcher m, Parser parser, boolean wholeLine, boolean distinct) {
        String line = doc.line(i);
        String rest = line.substring(m.start() + m.group().stripTrailing().length());
        String afterSeparators = LEADING_SEPARATORS.matcher(rest).replaceFirst("");
        String region = wholeLine ? noOtherLabel(afterSeparators) : firstSegment(LEADING_NOISE.matcher(afterSeparators).replaceFirst(""));
        boolean header = DocText.isHeaderLike(line);
        boolean explicit = m.group().matches("(?s).*[:|]\\s*") || rest.matches("^\\s*[#]?\\s*[:|.=>].*");
        boolean columnGap = header && !explicit && rest.matches("^ {2,}\\S.*");
        // 1. on the label's own line: "Claim No.: 123", "NPI ..... 123", "Billed: $40.00   Paid: $0.00"
        Value v = region.isBlank() || columnGap ? null : parser.apply(region);
        if (v != null) {
            return new Read(new Value(v.value(), v.valid(), v.problem(), line.strip(), i), Place.INLINE);
        }
        // 2. a table header: the value in the same column of the rows below
        if (header && (afterSeparators.isBlank() || columnGap)) {
            Set<String> seen = new LinkedHashSet<>();
            Value first = null;
            for (int j = i + 1, misses = 0; j < doc.size() && j <= i + 12 && misses < 3; j++) {
                String row = doc.line(j);
                String cell = DocText.isBlankOrRule(row) ? null : DocText.cell(row, m.start(), m.end());
                Value c = cell == null ? null : parser.apply(cell);
                if (c == null) {
                    misses += first == null ? 1 : 3;
                    continue;
                }
                seen.add(c.value());
                if (first == null) {
                    first = new Value(c.value(), c.valid(), c.problem(), line.strip() + " / " + row.strip(), j);
                }
            }
            if (first != null) {
                return !distinct || seen.size() == 1 ? new Read(first, Place.COLUMN) : null;
            }
            Value late = columnGap && !region.isBlank() ? parser.apply(region) : null;
            if (late != null) {
                return new Read(new Value(late.value(), late.valid(), late.problem(), line.strip(), i), Place.INLINE);
            }
        }
        // 3. a label closing a short line ("Remit payment to:", a W-9 caption): the next line holds the value
        boolean labelLine = line.substring(0, m.start()).strip().length() <= 30;
        if (labelLine && (afterSeparators.isBlank() || rest.matches("^[.(].*"))) {
            int j = doc.nextContent(i, 2);
            if (j > 0 && !NEXT_IS_LABEL.matcher(doc.line(j)).find()) {
                String next = doc.line(j);
                Value n = parser.apply(firstSegment(next.strip()));
                if (n != null) {
                    return new Read(new Value(n.value(), n.valid(), n.problem(), line.strip() + " / " + next.strip(), j), Place.NEXT_LINE);
                }
            }
        }
        return null;
    }

    /** An identifier as printed: "W238471956", "961 447 203-01", "EAF 7214 K 83", "SPG/2025/09/0311". */
    static Value id(String text) {
        String s = OCR_DIGIT.matcher(LEADING_NOISE.matcher(text.strip()).replaceFirst("")).replaceAll("0");
        s = OCR_ONE.matcher(s).replaceAll("1");
        String[] tokens = firstSegment(s).split(" ");
        List<String> kept = new ArrayList<>();
        boolean digit = false;
        for (int t = 0; t < tokens.length; t++) {
            String token = tokens[t].replaceAll("[.,;:)]+$", "").replaceAll("^\\(", "");
            boolean hasDigit = token.chars().anyMatch(Character::isDigit);
            boolean idToken = ID_TOKEN.matcher(token).matches() && hasDigit;
            boolean nextIsId = t + 1 < tokens.length && tokens[t + 1].chars().anyMatch(Character::isDigit);
            boolean prefix = token.matches("[A-Z]{1,4}") && nextIsId && !LABEL_WORDS.contains(token) && !NOT_PREFIXES.contains(token);
            if (kept.isEmpty() && LABEL_WORDS.contains(token.toUpperCase()) && nextIsId) {
                continue;
            }
            if (!idToken && !prefix) {
                break;
            }
            kept.add(token);
            digit |= hasDigit;
            if (!tokens[t].equals(token) && !tokens[t].endsWith("-")) {
                break;
            }
        }
        String value = String.join(" ", kept);
        if (!digit || value.chars().filter(Character::isDigit).count() < 2 || value.replaceAll("[^A-Za-z0-9]", "").length() < 4 || DATE_LIKE.matcher(value).matches()
                || value.startsWith("$")) {
            return null;
        }
        return Value.ok(value, text, -1);
    }

    /** A National Provider Identifier; a ten-digit number failing the check digit is kept as invalid. */
    static Value npi(String text) {
        Matcher m = NPI_DIGITS.matcher(text);
        if (!m.find()) {
            return null;
        }
        String npi = m.group(1);
        return Npi.isValid(npi) ? Value.ok(npi, text, -1)
                : new Value(npi, false, "NPI check digit does not match (Luhn over 80840 + first nine digits)", text, -1);
    }

    /** An employer identification number NN-NNNNNNN; an invalid IRS prefix or a social security number is kept as invalid. */
    static Value ein(String text) {
        String s = text.replaceAll("(?<=\\d) (?=[\\d-])|(?<=-) (?=\\d)", "");
        Matcher m = EIN.matcher(s);
        if (!m.find()) {
            return null;
        }
        if (m.group(4) != null) {
            return new Value(m.group(4), false, "a social security number, not an employer identification number", text, -1);
        }
        String digits = m.group(3) != null ? m.group(3) : m.group(1) + m.group(2);
        String ein = digits.substring(0, 2) + "-" + digits.substring(2);
        return BAD_EIN_PREFIXES.contains(digits.substring(0, 2))
                ? new Value(ein, false, "EIN prefix " + digits.substring(0, 2) + " is not issued by the IRS", text, -1)
                : Value.ok(ein, text, -1);
    }

    /** A date at the start of {@code text} (after at most a few characters), ISO formatted. */
    static Value date(String text) {
        TextDates.Found d = TextDates.first(text);
        if (d == null || d.start() > 3) {
            return null;
        }
        return new Value(d.value(), d.valid(), d.problem(), text, -1);
    }

    /** An amount with two decimals; a negative amount is kept as invalid. */
    static Value amount(String text) {
        Amounts.Found a = Amounts.first(text);
        if (a == null) {
            return null;
        }
        return a.negative() ? new Value(a.plain(), false, "negative amount (a credit), not a charge", text, -1) : Value.ok(a.plain(), text, -1);
    }

    /** The text up to the first gap of two or more spaces (the next column). */
    static String firstSegment(String text) {
        String s = text.strip();
        int gap = s.indexOf("  ");
        int bar = s.indexOf(" | ");
        int end = gap < 0 ? bar : bar < 0 ? gap : Math.min(gap, bar);
        return end < 0 ? s : s.substring(0, end);
    }

    /** The rest of a line up to the next "Other label:" (so "Paid Date: 04/17" is not read for "Paid"). */
    private static String noOtherLabel(String text) {
        Matcher m = Pattern.compile("\\s{2,}[A-Za-z][A-Za-z /#().-]{1,25}:").matcher(text);
        return m.find() ? text.substring(0, m.start()) : text;
    }

    /** The first (or, with {@code last}, the last) value any of {@code labels} points at, reading the lines in order. */
    static Read find(DocText doc, List<Pattern> labels, Parser parser, boolean wholeLine, boolean distinct, boolean last) {
        Read best = null;
        for (int i = 0; i < doc.size(); i++) {
            Read first = null;
            int firstAt = Integer.MAX_VALUE;
            for (Pattern label : labels) {
                Matcher m = label.matcher(doc.line(i));
                while (m.find()) {
                    if (m.start() >= firstAt) {
                        break;
                    }
                    Read r = read(doc, i, m, parser, wholeLine, distinct);
                    if (r != null) {
                        first = r;
                        firstAt = m.start();
                        break;
                    }
                }
            }
            if (first != null) {
                if (!last) {
                    return first;
                }
                best = first;
            }
        }
        return best;
    }

    /** {@code v} as the field read, with {@code confidence}; an invalid value gets at most 0.3 and keeps its problem. */
    static ExtractedField toField(DocumentType.Field field, Value v, double confidence) {
        return v.valid() ? new ExtractedField(field, v.value(), Math.max(0, Math.min(1, confidence)), true, v.evidence(), null)
                : new ExtractedField(field, v.value(), Math.min(0.3, confidence), false, v.evidence(), v.problem());
    }

    /** Label patterns, case-insensitive and OCR-tolerant (see {@link #ocrTolerant}). */
    static List<Pattern> labels(String... regexes) {
        List<Pattern> out = new ArrayList<>();
        for (String regex : regexes) {
            out.add(Pattern.compile(ocrTolerant(regex), Pattern.CASE_INSENSITIVE));
        }
        return out;
    }

    /** Lets a label's literal i/l match 1, l, i or | and its o match 0, as OCR confuses them ("lnvoice", "NPl", "C0DE"). */
    static String ocrTolerant(String regex) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (int k = 0; k < regex.length(); k++) {
            char c = regex.charAt(k);
            if (c == '\\' && k + 1 < regex.length()) {
                out.append(c).append(regex.charAt(++k));
                continue;
            }
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (depth == 0 && (c == 'i' || c == 'l')) {
                out.append("[il1|]");
            } else if (depth == 0 && c == 'o') {
                out.append("[o0]");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
