package health.ordo.domain.intake;

import health.ordo.domain.intake.DocumentType.Field;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Measures {@link FieldExtractor} on the labelled corpus ({@code intake-corpus/<TYPE>/NNN.txt} with
 * {@code <TYPE>/fields.jsonl}): per field, how many values the labels expect, how many valid values were found, how many
 * of those are correct, and precision and recall. Run as a plain main:
 * {@code java ... FieldExtractionReport [corpus-dir] [-v]} ({@code -v} lists every miss and wrong value).
 *
 * <p>Values are compared after normalisation: identifiers case-insensitive without spaces and dashes, dates as ISO
 * text, amounts numerically, code lists as sets, names case-insensitive without punctuation, one name containing the
 * other counting as a match ("Ambetter" for "Ambetter from Sunflower Health Plan"). Only the fields of the document's
 * type are scored; a value returned as invalid counts as not found. A field the corpus never labels (it has no
 * {@code responseDue} key) is listed with its found count only.
 */
public final class FieldExtractionReport {

    private static final Pattern FILE = Pattern.compile("\"file\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ENTRY = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|\\[[^\\]]*\\]|-?[\\d.]+|null|true|false)");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private FieldExtractionReport() {
    }

    /** Counts for one field. */
    static final class Tally {
        int expected;
        int found;
        int correct;
        int invalid;

        void add(Tally t) {
            expected += t.expected;
            found += t.found;
            correct += t.correct;
            invalid += t.invalid;
        }
    }

    public static void main(String[] args) throws IOException {
        boolean verbose = Arrays.asList(args).contains("-v");
        Path root = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().map(Path::of)
                .orElse(Path.of("adapters-intake/src/main/resources/intake-corpus"));
        if (!Files.isDirectory(root)) {
            root = Path.of("../adapters-intake/src/main/resources/intake-corpus");
        }
        FieldExtractor extractor = new FieldExtractor();
        Map<Field, Tally> overall = new EnumMap<>(Field.class);
        Set<String> labelledKeys = new HashSet<>();
        List<String> misses = new ArrayList<>();
        int documents = 0;
        for (DocumentType type : DocumentType.values()) {
            Path labels = root.resolve(type.name()).resolve("fields.jsonl");
            if (!Files.exists(labels)) {
                continue;
            }
            Map<Field, Tally> perType = new EnumMap<>(Field.class);
            for (String line : Files.readAllLines(labels, StandardCharsets.UTF_8)) {
                Matcher file = FILE.matcher(line);
                Path doc = file.find() ? root.resolve(type.name()).resolve(file.group(1)) : null;
                if (doc == null || !Files.exists(doc)) {
                    continue;
                }
                documents++;
                Map<String, String> expected = parseFields(line);
                labelledKeys.addAll(expected.keySet());
                Map<Field, ExtractedField> actual = new EnumMap<>(Field.class);
                for (ExtractedField f : extractor.extract(type, Files.readString(doc, StandardCharsets.UTF_8))) {
                    actual.put(f.field(), f);
                }
                for (Field field : type.fields()) {
                    Tally t = perType.computeIfAbsent(field, k -> new Tally());
                    String want = expected.get(field.key());
                    ExtractedField got = actual.get(field);
                    t.expected += want != null ? 1 : 0;
                    if (got != null && !got.valid()) {
                        t.invalid++;
                        got = null;
                    }
                    t.found += got != null ? 1 : 0;
                    boolean ok = got != null && want != null && same(field, want, got.value());
                    t.correct += ok ? 1 : 0;
                    if (!ok && (want != null || got != null)) {
                        misses.add(String.format("%s/%s %-20s want=%-28s got=%s", type.name(), doc.getFileName(), field.key(), want,
                                got == null ? "-" : got.value() + "  [" + got.evidence() + "]"));
                    }
                }
            }
            print(type.name(), perType, labelledKeys);
            perType.forEach((field, t) -> overall.computeIfAbsent(field, k -> new Tally()).add(t));
        }
        print("ALL TYPES (" + documents + " documents)", overall, labelledKeys);
        if (verbose) {
            misses.forEach(System.out::println);
        }
    }

    /** Prints one table; a field the corpus never labels (responseDue) is shown as found only, outside the sums. */
    private static void print(String title, Map<Field, Tally> tallies, Set<String> labelledKeys) {
        System.out.println();
        System.out.println(title);
        System.out.printf("  %-22s %8s %6s %8s %8s %10s %7s%n", "field", "expected", "found", "correct", "invalid", "precision", "recall");
        Tally sum = new Tally();
        for (Map.Entry<Field, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            if (!labelledKeys.contains(e.getKey().key())) {
                System.out.printf("  %-22s %8s %6d %8s %8d %10s %7s%n", e.getKey().key(), "n/a", t.found, "n/a", t.invalid, "n/a", "n/a");
                continue;
            }
            sum.add(t);
            System.out.printf("  %-22s %8d %6d %8d %8d %10s %7s%n", e.getKey().key(), t.expected, t.found, t.correct, t.invalid,
                    ratio(t.correct, t.found), ratio(t.correct, t.expected));
        }
        System.out.printf("  %-22s %8d %6d %8d %8d %10s %7s%n", "(all fields)", sum.expected, sum.found, sum.correct, sum.invalid,
                ratio(sum.correct, sum.found), ratio(sum.correct, sum.expected));
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) a / b);
    }

    /** The {@code "fields": {...}} of one corpus line: strings as they are, numbers as text, arrays comma-joined. */
    static Map<String, String> parseFields(String line) {
        Map<String, String> out = new LinkedHashMap<>();
        int at = line.indexOf("\"fields\"");
        if (at < 0) {
            return out;
        }
        Matcher m = ENTRY.matcher(line.substring(at + 8));
        while (m.find()) {
            String raw = m.group(2);
            if (raw.equals("null")) {
                continue;
            }
            if (raw.startsWith("[")) {
                List<String> items = new ArrayList<>();
                Matcher s = STRING.matcher(raw);
                while (s.find()) {
                    items.add(s.group(1));
                }
                out.put(m.group(1), String.join(",", items));
            } else if (raw.startsWith("\"")) {
                out.put(m.group(1), raw.substring(1, raw.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\"));
            } else {
                out.put(m.group(1), raw);
            }
        }
        return out;
    }

    /** Whether an extracted value matches the labelled one after normalising for the field's kind. */
    static boolean same(Field field, String expected, String actual) {
        switch (field) {
            case BILLED_AMOUNT, PAID_AMOUNT:
                try {
                    return new BigDecimal(expected).compareTo(new BigDecimal(actual)) == 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            case CARC_CODES, RARC_CODES:
                return codes(expected).equals(codes(actual));
            case PAYER, SUPPLIER: {
                String e = name(expected);
                String a = name(actual);
                return !a.isEmpty() && (e.equals(a) || (" " + e + " ").contains(" " + a + " ") || (" " + a + " ").contains(" " + e + " "));
            }
            case SERVICE_DATE_FROM, SERVICE_DATE_TO, APPEAL_DEADLINE, RESPONSE_DUE, EXPIRY_DATE:
                return expected.strip().equals(actual.strip());
            default:
                return identifier(expected).equals(identifier(actual));
        }
    }

    private static Set<String> codes(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.replaceFirst("^(?:CO|PR|OA|PI|CR)-?", "").replaceFirst("^0+(?=\\d)", "").toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static String identifier(String s) {
        return s.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static String name(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9& ]", " ").replaceAll("\\s+", " ").strip();
    }
}
