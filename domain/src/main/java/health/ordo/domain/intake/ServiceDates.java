package health.ordo.domain.intake;

import health.ordo.domain.intake.DocumentType.Field;
import health.ordo.domain.intake.LabelledValues.Read;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates of service (or the approved period of an authorization): "Date(s) of service", "DOS", "Statement covers",
 * "Admit / discharge", "Valid: from - to", a date column in a claim table, and what to do with a lone start date.
 */
final class ServiceDates {

    private static final List<Pattern> SERVICE_START = LabelledValues.labels("\\bdates?\\s*(?:\\(s\\)\\s*)?of\\s*(?:service|svc)", "\\bservice\\s*dates?(?:\\s*\\(s\\))?",
            "\\bdos\\b(?:\\s*range)?", "\\bserv(?:ice)?\\.?\\s*dates?", "\\bsvc\\b\\.?(?:\\s*dates?)?", "\\bservice\\s*:",
            "\\b(?:statement|billing|service|treatment|approval|authorization|certification)\\s*(?:period|dates|covers)",
            "\\b(?:approved|authorized|certified|valid|approval|authorization|coverage|effective)\\b(?:\\s*(?:dates?|period|from|effective|start))?",
            "\\badmi(?:t|tted|ssion)\\b(?:\\s*(?:date|[-/]\\s*disch(?:arge)?|and\\s*discharge))?", "\\bhospital\\s*stay",
            "\\b(?:requested|planned|scheduled)\\s*(?:date\\s*of\\s*service|dos|dates?|start)",
            "\\bstart\\s*date", "\\bdate\\s*of\\s*admission", "\\bfrom\\s*(?:date|dt)\\b", "\\b(?:visit|encounter)\\s*date",
            "\\bdate\\s*of\\s*(?:visit|encounter)");
    /** Weaker clues, read only when no label names the dates: "services provided on", "visits from", a "Date(s)" column. */
    private static final List<Pattern> SERVICE_HINT = LabelledValues.labels("\\bservices?\\s+(?:provided\\s+|rendered\\s+)?on\\b",
            "\\b(?:treatment|visits?|care)\\s+(?:on\\s+or\\s+about|on|from)\\b", "\\bfrom\\b", "^\\s*dates?\\s*(?:\\(s\\))?(?=\\s{2,})");
    private static final List<Pattern> SERVICE_END = LabelledValues.labels("\\b(?:valid|certified|approved|authorized|effective|coverage|approval|authorization)\\s*(?:through|thru|until|to)\\b",
            "\\b(?:to|thru|through)\\s*(?:dos|date|dt)\\b", "\\b(?:approval|authorization|certification)?\\s*end\\s*date", "\\b(?:discharge|expiration)\\s*date",
            "\\bdisch(?:arge|arged)?\\b\\s*:", "^\\s*thru\\b");
    private static final Pattern APPROVED_CONTEXT = Pattern.compile("(?i)approv|authori[sz]|valid|certif|period|effective");

    private ServiceDates() {
    }

    /**
     * Service dates: a labelled date or range (or the first row under such a column); else a range printed next to
     * "approved"/"valid"; else a weaker clue ("services provided on ..."). A lone start takes its end from an end
     * label ("Discharge:", "Valid through"); a claim's single date of service is both from and to.
     */
    static void read(DocText doc, boolean claim, Map<Field, ExtractedField> found) {
        Dated period = labelledPeriod(doc, SERVICE_START, 0.93);
        for (int i = 0; i < doc.size() && period == null; i++) {
            TextDates.Found[] r = TextDates.range(doc.line(i));
            boolean context = APPROVED_CONTEXT.matcher(doc.line(i) + (i > 0 ? doc.line(i - 1) : "")).find();
            if (r != null && r[0].valid() && r[1].valid() && context) {
                period = new Dated(r, doc.line(i).strip(), 0.6);
            }
        }
        period = period != null ? period : labelledPeriod(doc, SERVICE_HINT, 0.6);
        if (period == null) {
            return;
        }
        TextDates.Found[] dates = period.dates();
        found.put(Field.SERVICE_DATE_FROM, dateField(Field.SERVICE_DATE_FROM, dates[0], period.evidence(), period.confidence()));
        if (dates[1] != null) {
            found.put(Field.SERVICE_DATE_TO, dateField(Field.SERVICE_DATE_TO, dates[1], period.evidence(), period.confidence()));
            return;
        }
        Read end = LabelledValues.find(doc, SERVICE_END, LabelledValues::date, false, false, false);
        if (end != null && end.value().valid() && !end.value().value().equals(dates[0].value()) || end != null && claim) {
            found.put(Field.SERVICE_DATE_TO, LabelledValues.toField(Field.SERVICE_DATE_TO, end.value(), 0.9 - end.place().penalty));
        } else if (claim) {
            found.put(Field.SERVICE_DATE_TO, dateField(Field.SERVICE_DATE_TO, dates[0], "single date of service: " + period.evidence(),
                    period.confidence() - 0.05));
        }
    }

    /** A from..to pair (to may be null) and the line it was read from. */
    private record Dated(TextDates.Found[] dates, String evidence, double confidence) {
    }

    private static Dated labelledPeriod(DocText doc, List<Pattern> labels, double confidence) {
        for (int i = 0; i < doc.size(); i++) {
            String line = doc.line(i);
            for (Pattern label : labels) {
                Matcher m = label.matcher(line);
                while (m.find()) {
                    if (!endLabelAt(line, m.start(), m.end())) {
                        TextDates.Found[] p = datesAfter(doc, i, m);
                        if (p != null) {
                            return new Dated(p, line.strip(), confidence);
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Whether an end label ("To DOS", "valid through") starts where a start label was found, so it is not a start. */
    private static boolean endLabelAt(String line, int start, int end) {
        for (Pattern p : SERVICE_END) {
            Matcher m = p.matcher(line);
            while (m.find()) {
                if (m.start() <= start && m.end() > start) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The dates a service-date label points at: a range or a date right after it (a list "09/08, 09/15, 09/22" runs from
     * its first to its last; "through" at the end of the line continues on the next), or the first row under it.
     */
    private static TextDates.Found[] datesAfter(DocText doc, int i, Matcher m) {
        String line = doc.line(i);
        String rest = line.substring(m.end()).replaceFirst("^[\\s.:#=|>_\\-–(s)]*", "");
        int j = doc.nextContent(i, 1);
        if (j > 0 && rest.matches("(?i).*\\b(?:through|thru|to|-)\\s*$")) {
            rest = rest + " " + doc.line(j).strip();
        }
        TextDates.Found[] range = TextDates.range(rest);
        if (range != null && range[0].start() <= 3) {
            return range;
        }
        List<TextDates.Found> dates = TextDates.find(rest);
        if (!dates.isEmpty() && dates.get(0).start() <= 3) {
            int last = 0;
            while (last + 1 < dates.size() && rest.substring(dates.get(last).end(), dates.get(last + 1).start()).matches("\\s*(?:,|and|&)\\s*")) {
                last++;
            }
            return new TextDates.Found[] {dates.get(0), last == 0 ? null : dates.get(last)};
        }
        if (!DocText.isHeaderLike(line) || TextDates.first(line) != null) {
            return null;
        }
        for (int r = i + 1, tries = 0; r < doc.size() && r <= i + 8 && tries < 3; r++) {
            String cell = DocText.isBlankOrRule(doc.line(r)) ? null : DocText.cell(doc.line(r), m.start(), m.end());
            if (cell == null) {
                continue;
            }
            tries++;
            TextDates.Found[] cellRange = TextDates.range(cell);
            if (cellRange != null && cellRange[0].valid()) {
                return cellRange;
            }
            TextDates.Found d = TextDates.first(cell);
            d = d == null ? TextDates.compact(cell) : d;
            if (d != null && d.valid()) {
                return new TextDates.Found[] {d, null};
            }
        }
        return null;
    }

    private static ExtractedField dateField(Field field, TextDates.Found d, String evidence, double confidence) {
        return d.valid() ? new ExtractedField(field, d.value(), confidence, true, evidence, null)
                : new ExtractedField(field, d.value(), 0.25, false, evidence, d.problem());
    }
}
