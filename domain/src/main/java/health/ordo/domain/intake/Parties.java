package health.ordo.domain.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of payers and suppliers: the well-known payer names (national and Blue plans, Medicare contractors, Medicaid
 * programs, utilization-management vendors), and how far a name printed in a line runs.
 */
final class Parties {

    /** Words that end many payer names ("L.A. Care Health Plan"): a payer only with a capitalised name before them. */
    private static final String GENERIC = "(?:Health Plans?|Insurance Company|Benefit Administrators|Healthcare Alliance|"
            + "Casualty(?: Insurance)? Company)";
    /** Payers and their usual brand words; a match is then widened to the full name printed ("... of Texas"). */
    private static final Pattern KNOWN_PAYER = Pattern.compile("(?i)\\b(?:aetna|united\\s?healthcare|uhc|umr|cigna|humana|anthem|elevance|"
            + "blue\\s?cross|blue\\s?shield|bcbs\\w*|blue\\s?(?:kc|care\\s+network)|florida blue|highmark|independence|premera|regence|"
            + "wellmark|excellus|carefirst|horizon|empire|kaiser(?:\\s+permanente|\\s+foundation)?|centene|ambetter|superior health\\s?plan|"
            + "sunflower health|sunshine health|molina|wellcare|simply healthcare|l\\.a\\. care|novitas|palmetto gba|noridian|"
            + "national government services|cgs administrators|wps|first coast|tricare|triwest|oscar|health net|meritain|medical mutual|"
            + "priority health|harvard pilgrim|tufts health|geisinger|selecthealth|moda health|avmed|alignment health|presbyterian health|"
            + "travelers|liberty mutual|the hartford|zenith insurance|geico|progressive|state farm|allstate|sedgwick|corvel|gallagher bassett|"
            + "state compensation insurance fund|texas mutual|maximus|c2c innovative|caresource|amerigroup|healthy blue|emblem\\s?health|"
            + "oxford health|upmc|devoted health|clover health|scan health|medica|healthpartners|wellpoint|point32|sentara|paramount|quartz|"
            + "emedny|optum|evicore|carelon|magellan)\\b|(?-i:\\b" + GENERIC + ")");
    /** Public programmes: named as payer only when no plan or contractor is named. */
    private static final Pattern PROGRAM = Pattern.compile("(?i)\\b(?:medicare|medicaid|medi-cal|masshealth|tenncare|ahcccs|"
            + "department of (?:medicaid|community health|health care services|human services|health and human services|veterans affairs))\\b");
    private static final Pattern TRADEMARK = Pattern.compile("\\s*(?:\\((?:R|TM|SM)\\)|[®™℠])");
    private static final Pattern UHC = Pattern.compile("\\bUHC\\b");
    /** Companies that decide on a payer's behalf: named as payer only when no plan is named. */
    private static final Pattern VENDOR = Pattern.compile("(?i)^(?:optum|evicore|carelon|magellan|nia|healthhelp|cohere|availity|"
            + "prime therapeutics|evolent|turningpoint|aim)\\b");
    private static final Pattern CONNECTOR = Pattern.compile("(?i)of|and|&|the|from|in|de");
    private static final Pattern STOP = Pattern.compile("(?i)provider|portal|claims?|department|dept\\.?|explanation|remittance|notice|decision|"
            + "reconsideration|redetermination|determination|advice|summary|jurisdiction|recovery|audit|inspector|fraud|request|"
            + "voucher|attn:?|appeals?|customer|member|p\\.?o\\.?|box|payments?|statement|has|is|was|utilization|management|"
            + "credentialing|services?\\s*center|unit|team|review|reviews|operations|administration|division|inc\\.?|llc|"
            + "l\\.l\\.c\\.|corp\\.?|company|co\\.");
    private static final Pattern WORD = Pattern.compile("\\G( ?)([\\w&.()'/-]+)");
    private static final Pattern NAME_END = Pattern.compile("\\s{2,}|\\s[-–|]\\s|,\\s*(?:p\\.?\\s?o\\.?|dept|lockbox|suite|ste|\\d)|\\s+<|\\s+\\(?[\\w.+-]+@|\\s+\\d");

    private static final Pattern NOT_A_NAME = Pattern.compile("(?i)\\b(?:address|remit|name|number|date|code|amount|total|phone|fax|e-?mail|"
            + "attn|routing|box|vendor|supplier|line|signature|n/a|none|blank|same as|invoice|order|acct|account)\\b|:|^(?:the|a|an|our|your|this|see)\\b");
    private static final Pattern OCR_ZERO = Pattern.compile("(?<=[A-Za-z])0|0(?=[A-Za-z]{2})");
    private static final Pattern OCR_ONE = Pattern.compile("(?<=[A-Z])1(?=[A-Z])|\\b1(?=[A-Z]{2})|(?<=[A-Z]{2})1\\b");
    private static final Pattern OCR_ONE_LOWER = Pattern.compile("(?<=[A-Za-z])1(?=[a-z])|(?<=[a-z])1\\b");
    private static final Pattern OCR_L = Pattern.compile("(?<=[A-Z])l(?=[A-Z])|\\bl(?=[A-Z]{2})|(?<=[A-Z]{2})l\\b");

    private Parties() {
    }

    /** Whether {@code text} reads as a name (not a label, an instruction or an address). */
    static boolean isName(String text) {
        return nameAt(text) != null;
    }

    /** Whether {@code name} is the one an e-mail domain spells ("Apex BioMed Services" and apexbiomed.com). */
    static boolean matchesDomain(String name, List<String> domains) {
        String compact = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        for (String domain : domains) {
            int common = 0;
            while (common < compact.length() && common < domain.length() && compact.charAt(common) == domain.charAt(common)) {
                common++;
            }
            if (common >= 6 && common >= 0.6 * Math.min(compact.length(), domain.length())) {
                return true;
            }
        }
        return false;
    }

    /** The organisation part of the e-mail addresses on lines starting with one of {@code headers} ("From", "To"). */
    static List<String> domains(List<String> lines, String headers) {
        Pattern header = Pattern.compile("(?i)^\\s*(?:" + headers + ")\\s*:");
        Pattern address = Pattern.compile("[\\w.+-]+@(?:www\\.)?([\\w-]+)\\.");
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (header.matcher(line).find()) {
                for (Matcher m = address.matcher(line); m.find(); ) {
                    out.add(m.group(1).toLowerCase(Locale.ROOT).replace("-", ""));
                }
            }
        }
        return out;
    }

    /** Undoes OCR digits inside words of a name: "C0." to "CO.", "LIFEL1NE" to "LIFELINE". */
    static String ocrLetters(String name) {
        String s = OCR_ZERO.matcher(name).replaceAll("O");
        s = OCR_ONE_LOWER.matcher(s).replaceAll("l");
        s = OCR_ONE.matcher(s).replaceAll("I");
        return OCR_L.matcher(s).replaceAll("I");
    }

    /** The first known payer in {@code line}, widened to its printed name; vendors only when {@code vendors}. */
    static String knownPayer(String line, boolean vendors) {
        return known(KNOWN_PAYER, line, vendors);
    }

    /** The first public programme (Medicare, a Medicaid programme) named in {@code line}, widened to its printed name. */
    static String program(String line) {
        return known(PROGRAM, line, false);
    }

    /** The first name {@code pattern} finds in {@code raw} (OCR slips and trademark marks undone), widened; null if none. */
    private static String known(Pattern pattern, String raw, boolean vendors) {
        String line = TRADEMARK.matcher(ocrLetters(raw)).replaceAll("");
        Matcher m = pattern.matcher(line);
        while (m.find()) {
            String name = widen(line, m.start(), m.end());
            boolean bareGeneric = name != null && name.equals(m.group()) && m.group().matches(GENERIC);
            if (name != null && !bareGeneric && (vendors || !isVendor(name))) {
                return clean(name);
            }
        }
        return null;
    }

    /** A payer name as printed, without OCR slips, trademark marks and with "UHC" spelled out. */
    static String clean(String name) {
        return UHC.matcher(TRADEMARK.matcher(ocrLetters(name)).replaceAll("")).replaceAll("UnitedHealthcare").strip();
    }

    /** Whether {@code name} is a utilization-management vendor rather than a plan. */
    static boolean isVendor(String name) {
        return VENDOR.matcher(name.strip()).find();
    }

    /** The run of capitalised words (with "of", "and", "&" between them) at the start of {@code text}, or null. */
    static String phrase(String text) {
        String s = text.strip().replaceFirst("^[\\s:#>*\"-]+", "");
        int end = forward(s, 0);
        String name = s.substring(0, end).replaceAll("[\\s,.;:]+$", "").strip();
        return name.length() < 2 || !Character.isUpperCase(name.charAt(0)) ? null : name;
    }

    /** The name printed at the start of {@code text}: up to a column gap, an address, an e-mail or a dash. */
    static String nameAt(String text) {
        String s = ocrLetters(text.strip().replaceFirst("^[\\s:#>*\"-]+", ""));
        Matcher end = NAME_END.matcher(s);
        if (end.find()) {
            s = s.substring(0, end.start());
        }
        s = s.replaceAll("[\\s,;:*\"]+$", "").strip();
        long lowerWords = Arrays.stream(s.split("\\s+"))
                .filter(w -> !w.isEmpty() && Character.isLowerCase(w.charAt(0)) && !CONNECTOR.matcher(w).matches()).count();
        if (s.length() < 3 || !Character.isLetterOrDigit(s.charAt(0)) || NOT_A_NAME.matcher(s).find() || s.chars().filter(c -> c == '(').count() != s.chars().filter(c -> c == ')').count() || lowerWords > 1 || s.chars().filter(Character::isLetter).count() < 4 || Character.isLowerCase(s.charAt(0)) || s.matches("(?:\\S\\s)+\\S")) {
            return null;
        }
        return s;
    }

    /** Capitalised words around a known name: back over brand words before it, on over "of Texas", "Health Plan". */
    private static String widen(String line, int start, int end) {
        String[] before = line.substring(0, start).split(" ", -1);
        int from = start;
        for (int i = before.length - 2, taken = 0; i >= 0 && taken < 2 && before[before.length - 1].isEmpty(); i--, taken++) {
            String w = before[i];
            if (w.isEmpty() || !Character.isUpperCase(w.charAt(0)) || !w.matches("[\\w&'.-]+") || STOP.matcher(w).matches()
                    || w.matches("(?i)to|from|dear|re|by|on|of|behalf|mail|send|at|with|for|your|our|the")) {
                break;
            }
            from -= w.length() + 1;
        }
        String name = line.substring(from, forward(line, end)).replaceAll("[\\s,.;:]+$", "").strip();
        return name.isEmpty() ? null : name;
    }

    /** Where the capitalised name continuing at {@code pos} ends (words separated by single spaces). */
    private static int forward(String line, int pos) {
        int to = pos;
        Matcher word = WORD.matcher(line);
        while (word.find(pos) && word.start() == pos && (pos == 0 || !word.group(1).isEmpty() || pos == to)) {
            String w = word.group(2);
            String bare = w.replaceAll("[.,()]+$", "");
            if (CONNECTOR.matcher(bare).matches()) {
                pos = word.end();
                continue;
            }
            if (bare.isEmpty() || !(Character.isUpperCase(bare.charAt(0)) || w.matches("\\([^()]+\\)[.,]?")) || STOP.matcher(bare).matches()) {
                break;
            }
            to = word.end();
            pos = word.end();
            if (w.endsWith(".") && !w.matches("[A-Z]\\.")) {
                break;
            }
        }
        return to;
    }
}
