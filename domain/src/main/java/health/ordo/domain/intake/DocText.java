package health.ordo.domain.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document's text prepared for reading: its lines with OCR confusions inside numbers repaired (same length, so
 * columns still line up), its paragraphs as single lines, and helpers for column-aligned tables.
 */
final class DocText {

    private static final Pattern NUMERIC_TOKEN = Pattern.compile("(?<!\\S)[0-9OoIl|$.,:/()\\-]+(?!\\S)");
    private static final Pattern GAP = Pattern.compile("\\S+(?: \\S+)*");
    private static final Pattern RULE = Pattern.compile("^[\\s\\-=_*~.,;:|+#]*$");

    final List<String> lines = new ArrayList<>();
    final List<String> raw = new ArrayList<>();

    DocText(String text) {
        for (String line : (text == null ? "" : text).replace("\r", "").replace("\t", "    ").split("\n", -1)) {
            raw.add(line);
            lines.add(fixDigits(line));
        }
    }

    /** The first {@code n} lines only. */
    DocText head(int n) {
        return new DocText(String.join("\n", raw.subList(0, Math.min(n, raw.size()))));
    }

    int size() {
        return lines.size();
    }

    String line(int i) {
        return lines.get(i);
    }

    /** Replaces O/o, I/l/| with digits inside tokens that are otherwise numbers ("O8/O4/2O25", "$1,2l4.00"). */
    static String fixDigits(String line) {
        StringBuilder out = new StringBuilder(line);
        Matcher m = NUMERIC_TOKEN.matcher(line);
        while (m.find()) {
            String token = m.group();
            long digits = token.chars().filter(Character::isDigit).count();
            long confusable = token.chars().filter(c -> "OoIl|".indexOf(c) >= 0).count();
            if (digits >= 2 && confusable > 0 && confusable <= digits) {
                for (int i = m.start(); i < m.end(); i++) {
                    char c = line.charAt(i);
                    if (c == 'O' || c == 'o') {
                        out.setCharAt(i, '0');
                    } else if (c == 'I' || c == 'l' || c == '|') {
                        out.setCharAt(i, '1');
                    }
                }
            }
        }
        return out.toString();
    }

    /** The spans [start, end) of the pieces of {@code line} separated by two or more spaces. */
    static List<int[]> segments(String line) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = GAP.matcher(line);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        return spans;
    }

    static boolean isBlankOrRule(String line) {
        return RULE.matcher(line).matches();
    }

    /** The index of the next line after {@code i} with content (not blank, not a ---- rule), or -1 within {@code max} lines. */
    int nextContent(int i, int max) {
        for (int j = i + 1; j < lines.size() && j <= i + max; j++) {
            if (!isBlankOrRule(lines.get(j))) {
                return j;
            }
        }
        return -1;
    }

    /** Whether a line reads as a table header: several column titles, few digits. */
    static boolean isHeaderLike(String line) {
        long digits = line.chars().filter(Character::isDigit).count();
        long letters = line.chars().filter(Character::isLetter).count();
        return segments(line).size() >= 2 && letters > 0 && digits * 5 <= letters;
    }

    /** The piece of {@code line} under the column [start, end), or null when nothing lines up with it. */
    static String cell(String line, int start, int end) {
        int[] best = null;
        int bestScore = Integer.MIN_VALUE;
        for (int[] s : segments(line)) {
            int overlap = Math.min(end, s[1]) - Math.max(start, s[0]);
            int score = overlap > 0 ? overlap : -Math.min(Math.abs(s[0] - start), Math.abs(s[1] - end));
            if (score > bestScore) {
                bestScore = score;
                best = s;
            }
        }
        return best == null || bestScore < -3 ? null : line.substring(best[0], best[1]);
    }

    /** The paragraphs (blocks between blank lines), each joined to one line, with the index of its first line. */
    List<Paragraph> paragraphs() {
        List<Paragraph> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int first = -1;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i).strip() : "";
            if (line.isEmpty()) {
                if (first >= 0) {
                    out.add(new Paragraph(first, text.toString()));
                }
                text.setLength(0);
                first = -1;
                continue;
            }
            if (first < 0) {
                first = i;
            } else if (text.length() > 0 && text.charAt(text.length() - 1) == '-' && Character.isLowerCase(line.charAt(0))) {
                text.setLength(text.length() - 1);
            } else {
                text.append(' ');
            }
            text.append(line.replaceAll("\\s{2,}", "  "));
        }
        return out;
    }

    /** A block of text between blank lines, joined to one line. */
    record Paragraph(int firstLine, String text) {

        private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+(?=[A-Z(\"])|\\s{2,}(?=[A-Z][A-Z ]{3,}:)");

        List<String> sentences() {
            return List.of(SENTENCE_END.split(text));
        }
    }
}
