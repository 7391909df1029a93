package health.ordo.domain.intake;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as printed in letters: 03/14/2026, 3/14/26, 2026-03-14, March 14, 2026, Mar. 14 2026, 14 March 2026,
 * 14-MAR-2026, with OCR breaks such as "Sept ember" or "08/1 1/2025". A date that is not a real calendar day or lies
 * outside 1990..2100 is still found, marked invalid.
 */
final class TextDates {

    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"};
    private static final String MONTH = monthPattern();
    private static final String NOT_NUM_BEFORE = "(?<![\\d/.\\-])";
    private static final String NOT_NUM_AFTER = "(?![\\d/]|\\.\\d|-\\d(?!\\d?[/.]))";
    private static final Pattern ISO = Pattern.compile(NOT_NUM_BEFORE + "((?:19|20)\\d{2})([-/.])(\\d{1,2})\\2(\\d{1,2})" + NOT_NUM_AFTER);
    private static final Pattern NUMERIC = Pattern.compile(NOT_NUM_BEFORE + "(\\d{1,2})([/\\-.])(\\d{1,2})\\2((?:19|20)\\d{2}|\\d{2})" + NOT_NUM_AFTER);
    private static final Pattern MONTH_FIRST = Pattern.compile("(?i)\\b(" + MONTH + ")\\.?\\s{0,2}(\\d{1,2})(?:st|nd|rd|th)?,?\\s{0,2}((?:19|20)\\d{2})\\b");
    private static final Pattern DAY_FIRST = Pattern.compile("(?i)(?<![\\d/])(\\d{1,2})(?:st|nd|rd|th)?[\\s\\-]{1,2}(" + MONTH + ")\\.?,?[\\s\\-]{1,2}((?:19|20)\\d{2}|\\d{2})\\b");
    private static final Pattern SPLIT_DAY = Pattern.compile("(\\d{1,2}/\\d) (\\d)(/\\d{2,4})");
    private static final Pattern COMPACT = Pattern.compile("(?<!\\d)((?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])(?:\\d{2}|20\\d{2}))(?!\\d)");
    private static final String RANGE_JOIN = "\\s*(?:-|–|—|to|thru|through|until|till)\\s*";

    private TextDates() {
    }

    /** A date found in a text: the ISO value (or the text as printed when invalid) and where it was. */
    record Found(LocalDate date, String text, int start, int end, String problem) {
        boolean valid() {
            return problem == null;
        }

        String value() {
            return date != null ? date.toString() : text;
        }
    }

    /** Every date in {@code text}, in reading order. */
    static List<Found> find(String text) {
        String s = SPLIT_DAY.matcher(text).replaceAll("$1$2$3 ");
        List<Found> found = new ArrayList<>();
        collect(found, ISO.matcher(s), 1, 3, 4, false);
        collect(found, NUMERIC.matcher(s), 4, 1, 3, true);
        collect(found, MONTH_FIRST.matcher(s), 3, 1, 2, false);
        collect(found, DAY_FIRST.matcher(s), 3, 2, 1, false);
        found.sort(Comparator.comparingInt(Found::start));
        List<Found> out = new ArrayList<>();
        for (Found f : found) {
            if (out.isEmpty() || f.start() >= out.get(out.size() - 1).end()) {
                out.add(f);
            }
        }
        return out;
    }

    /** The first date in {@code text}, or null. */
    static Found first(String text) {
        List<Found> all = find(text);
        return all.isEmpty() ? null : all.get(0);
    }

    /** A "from - to" range at the start of {@code text} ("01/06/2026 - 01/20/2026", "from X through Y"), or null. */
    static Found[] range(String raw) {
        String text = SPLIT_DAY.matcher(raw).replaceAll("$1$2$3 ");
        List<Found> all = find(text);
        for (int i = 0; i + 1 < all.size(); i++) {
            String between = text.substring(Math.min(all.get(i).end(), text.length()), Math.min(all.get(i + 1).start(), text.length()));
            if (between.matches("(?i)" + RANGE_JOIN)) {
                return new Found[] {all.get(i), all.get(i + 1)};
            }
        }
        return null;
    }

    /** A date printed without separators in a table cell: MMDDYY or MMDDYYYY ("012026"), or null. */
    static Found compact(String cell) {
        Matcher m = COMPACT.matcher(cell);
        Found found = null;
        while (m.find()) {
            String d = m.group(1);
            int year = Integer.parseInt(d.substring(4));
            Found f = make(d.length() == 6 ? 2000 + year : year, Integer.parseInt(d.substring(0, 2)), Integer.parseInt(d.substring(2, 4)), d, m.start(), m.end());
            if (f.valid()) {
                found = f;
            }
        }
        return found;
    }

    /** {@code days} after {@code from}; business days skip Saturdays and Sundays. */
    static LocalDate plusDays(LocalDate from, int days, boolean business) {
        if (!business) {
            return from.plusDays(days);
        }
        LocalDate d = from;
        for (int n = 0; n < days; ) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                n++;
            }
        }
        return d;
    }

    private static void collect(List<Found> out, Matcher m, int yearGroup, int monthGroup, int dayGroup, boolean usOrder) {
        while (m.find()) {
            int year = Integer.parseInt(m.group(yearGroup));
            if (m.group(yearGroup).length() == 2) {
                year += year < 80 ? 2000 : 1900;
            }
            int month = monthNumber(m.group(monthGroup));
            int day = Integer.parseInt(m.group(dayGroup));
            if (usOrder && month > 12 && day <= 12) {
                int swap = month;
                month = day;
                day = swap;
            }
            out.add(make(year, month, day, m.group(), m.start(), m.end()));
        }
    }

    private static Found make(int year, int month, int day, String text, int start, int end) {
        try {
            LocalDate date = LocalDate.of(year, month, day);
            if (year < 1990 || year > 2100) {
                return new Found(date, text, start, end, "date outside 1990..2100");
            }
            return new Found(date, text, start, end, null);
        } catch (DateTimeException e) {
            return new Found(null, text, start, end, "not a calendar date");
        }
    }

    private static int monthNumber(String token) {
        if (token.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(token);
        }
        String t = token.replaceAll("[\\s.]", "").toLowerCase(Locale.ROOT).replace('0', 'o').replace('1', 'l');
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].startsWith(t.substring(0, 3))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String monthPattern() {
        StringBuilder p = new StringBuilder();
        for (String month : MONTHS) {
            if (p.length() > 0) {
                p.append('|');
            }
            // the full name, tolerating an OCR space inside it ("Sept ember") and 1/0 for l/o ("Ju1y"), then the abbreviations
            List<String> letters = new ArrayList<>();
            for (char c : month.toCharArray()) {
                letters.add(c == 'l' ? "[l1]" : c == 'o' ? "[o0]" : c == 'i' ? "[il1]" : String.valueOf(c));
            }
            p.append(String.join("\\s?", letters));
        }
        return p + "|sept|jan|feb|mar|apr|jun|ju[l1]|aug|sep|[o0]ct|n[o0]v|dec";
    }
}
