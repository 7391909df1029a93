package health.ordo.domain.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Claim adjustment reason codes (CARC) and remittance advice remark codes (RARC) read from denials and remittances.
 * A CARC counts only after a group code (CO-50, PR 1), after a "reason code"/"CARC"/"adjustment reason" label, or in a
 * reason-code glossary or column; a RARC (M15, N130, MA01) only in a remark context or next to a CARC.
 */
final class ClaimCodes {

    private static final String CARC = "(?:\\d{1,3}|[ABDPWY]\\d{1,2})";
    private static final String RARC = "(?:MA\\d{2,3}|M[1-9]\\d{0,2}|N[1-9]\\d{0,3})";
    private static final String END = "(?![\\w-]|[.,]\\d)";
    private static final Pattern GROUP = Pattern.compile("(?<![\\w-])(?:CO|PR|OA|PI|CR|C0|0A)\\s?-?\\s?(" + CARC + ")" + END);
    private static final Pattern CARC_LABEL = Pattern.compile("(?i)(?:(?:claim\\s+)?adj(?:ustment|\\.)?\\s*reason(?:\\s*codes?)?|reason\\s*codes?|carcs?"
            + "|group\\s*/\\s*(?:reason|carc)|denial\\s*codes?|reason(?=\\s+\\d{1,3}\\s*[-–:]))\\s*[:#(]?\\s*(?-i:((?:CO|PR|OA|PI|CR)\\s?-?\\s?)?(" + CARC + "))" + END);
    private static final Pattern RARC_CODE = Pattern.compile("(?<![\\w-])(" + RARC + ")" + END);
    private static final Pattern RARC_LABEL = Pattern.compile("(?i)(?:remarks?|rarcs?|moa|rmk)(?:\\s*codes?)?\\s*[:#(]?\\s*(?-i:(" + RARC + "))" + END);
    private static final Pattern REMARK_WORD = Pattern.compile("(?i)\\b(?:remarks?|rarcs?|moa|rmk)\\b");
    private static final Pattern GLOSSARY_HEAD = Pattern.compile("(?i)\\b(?:codes?|glossary|legend|reasons?|remarks?)\\b");
    // a glossary line is a code, then a separator or a capitalised description ("50 - These are non-covered services",
    // "N30 Patient ineligible"); a sentence wrapped to start with a number ("180 days of the date of this notice") is not
    private static final Pattern GLOSSARY_LINE = Pattern.compile("^\\s*(?:(?:CO|PR|OA|PI|CR|C0)\\s?-?\\s?)?(" + CARC + "|" + RARC
            + ")(?:\\s*[-–:]\\s*(?=[A-Za-z])|\\s+(?=[A-Z]))");
    private static final Pattern COLUMN_HEAD = Pattern.compile("(?i)\\b(?:rsn|reason(?:\\s*codes?)?|carc|adj(?:ustment)?\\s*(?:codes?|reason)|denial\\s*codes?|err)\\b");
    private static final Pattern BARE_CARC = Pattern.compile("^(?:(?:CO|PR|OA|PI|CR)\\s?-?\\s?)?(" + CARC + ")$");

    private ClaimCodes() {
    }

    /** The codes found, each with the line it was first read from. */
    record Codes(Map<String, String> carc, Map<String, String> rarc) {
    }

    static Codes read(DocText doc) {
        Map<String, String> carc = new LinkedHashMap<>();
        Map<String, String> rarc = new LinkedHashMap<>();
        boolean glossary = false;
        for (int i = 0; i < doc.size(); i++) {
            String line = doc.line(i);
            String joined = i + 1 < doc.size() ? line + " " + doc.line(i + 1).strip() : line;
            boolean carcHere = false;
            for (Matcher m = GROUP.matcher(line); m.find(); ) {
                carcHere |= add(carc, m.group(1), line);
            }
            for (Matcher m = CARC_LABEL.matcher(joined); m.find(); ) {
                carcHere |= m.start() < line.length() && add(carc, m.group(2), line);
            }
            if (DocText.isBlankOrRule(line)) {
                glossary = false;
            } else if (GLOSSARY_HEAD.matcher(line).find() && !GLOSSARY_LINE.matcher(line).find() && line.strip().split("\\s+").length <= 12) {
                glossary = true;
            }
            Matcher g = GLOSSARY_LINE.matcher(line);
            boolean glossaryLine = g.find() && (glossary || !carc.isEmpty());
            if (glossaryLine && glossary && g.group(1).matches(CARC)) {
                carcHere |= add(carc, g.group(1), line);
            }
            for (Matcher m = RARC_LABEL.matcher(joined); m.find(); ) {
                if (m.start() < line.length()) {
                    rarc.putIfAbsent(m.group(1), line.strip());
                }
            }
            if (carcHere || glossaryLine || REMARK_WORD.matcher(line).find()) {
                for (Matcher m = RARC_CODE.matcher(line); m.find(); ) {
                    rarc.putIfAbsent(m.group(1), line.strip());
                }
            }
        }
        readColumns(doc, carc, rarc);
        return new Codes(carc, rarc);
    }

    /** Codes in a table column headed "Reason", "RSN", "CARC", "Adj codes" or "ERR". */
    private static void readColumns(DocText doc, Map<String, String> carc, Map<String, String> rarc) {
        for (int i = 0; i < doc.size(); i++) {
            String header = doc.line(i);
            if (!DocText.isHeaderLike(header) || header.contains(":")) {
                continue;
            }
            for (Matcher h = COLUMN_HEAD.matcher(header); h.find(); ) {
                for (int j = i + 1; j < doc.size() && j <= i + 30 && !doc.line(j).isBlank(); j++) {
                    String cell = DocText.cell(doc.line(j), h.start(), h.end());
                    if (cell == null) {
                        continue;
                    }
                    String[] tokens = cell.strip().split("[\\s,;/]+");
                    if (!java.util.Arrays.stream(tokens).allMatch(t -> BARE_CARC.matcher(t).matches() || t.matches(RARC))) {
                        continue;
                    }
                    for (String token : tokens) {
                        Matcher c = BARE_CARC.matcher(token);
                        if (c.matches()) {
                            add(carc, c.group(1), doc.line(j));
                        } else if (token.matches(RARC)) {
                            rarc.putIfAbsent(token, doc.line(j).strip());
                        }
                    }
                }
            }
        }
    }

    /** Whether a CARC is one of the published kinds: 1..299, or a letter and one or two digits. */
    static boolean isKnownCarc(String code) {
        return code.matches("[A-Z]\\d{1,2}") || code.matches("\\d{1,3}") && Integer.parseInt(code) >= 1 && Integer.parseInt(code) <= 299;
    }

    private static boolean add(Map<String, String> codes, String code, String line) {
        String c = code.matches("\\d+") ? String.valueOf(Integer.parseInt(code)) : code;
        if (c.equals("0")) {
            return false;
        }
        codes.putIfAbsent(c, line.strip());
        return true;
    }
}
