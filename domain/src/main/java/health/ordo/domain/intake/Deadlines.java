package health.ordo.domain.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates a letter sets: its own date, the appeal deadline, the due date of a records request, and when a credential
 * expires. A deadline is an explicit date tied to the action ("appeal ... no later than 05/20/2026"), or "within N
 * days" counted from the letter's own date.
 */
final class Deadlines {

    private static final Pattern LETTER_DATE = Pattern.compile("(?i)(?:\\b(?:notice|letter|mailing|mail|statement|notification|issue|report|"
            + "print|voucher|remit(?:tance)?)\\s*date|\\bdate\\s*(?:of\\s*(?:this\\s*)?(?:notice|letter|statement)|mailed|issued|printed)"
            + "|(?:^|\\s{2,}|\\|)\\s*(?:date|sent|printed|generated|dated))\\s*[:.]");
    private static final Pattern APPEAL = Pattern.compile("(?i)appeal|reconsider|redetermination|dispute|grievance|reopening|hearing|"
            + "petition|contest|external\\s+review|(?:second|2nd|next)[- ]level\\s+review|request\\s+(?:an?\\s+)?(?:\\w+\\s+){0,3}review");
    private static final Pattern RECORDS = Pattern.compile("(?i)records?|documentation|documents|information|submit|send|provide|respond|"
            + "response|return|copies|upload");
    private static final Pattern NOT_A_DEADLINE = Pattern.compile("(?i)\\bpeer\\b|reauthoriz|renewal|\\b(?:pay|reimburse|remit|issued?)\\b|date of service|dates of service|"
            + "discharge|filing limit|timely filing|must be submitted within \\d+ days from the date of service");
    private static final Pattern BY_DATE = Pattern.compile("(?i)(?:\\bby|\\bbefore|no\\s+later\\s+than|not\\s+later\\s+than|on\\s+or\\s+before"
            + "|deadline(?:\\s+is)?|\\buntil|i\\.e\\.,?|due(?:\\s+date)?(?:\\s+(?:is|on))?)\\s*[:,]?\\s*(?:the\\s+)?(?=\\S)");
    private static final String NUMBER = "(\\d{1,3}|one|two|three|four|six|twelve|ten|fourteen|fifteen|twenty|thirty|forty[- ]five|sixty|ninety|one hundred (?:and )?twenty"
            + "|one hundred (?:and )?eighty|three hundred (?:and )?sixty[- ]five)";
    private static final Pattern WITHIN = Pattern.compile("(?i)(?:\\bwithin|\\bhave|\\bin)\\s+" + NUMBER + "\\s*(?:\\(\\d+\\)\\s*)?"
            + "(calendar|business|working)?[\\s-]*(days?|months?)\\b(?!\\s+(?:before|prior))");
    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("six", 6), Map.entry("twelve", 12), Map.entry("ten", 10),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("sixty", 60), Map.entry("ninety", 90));
    private static final Pattern EXPIRES = Pattern.compile("(?i)\\b(?:expir(?:es|ing|ation|e|y|ed\\s+on)|exp\\b\\.?|valid\\s*(?:through|thru|until)"
            + "|good\\s*(?:through|thru)|renew(?:al)?\\s*(?:by|date|due)|lapses?\\s*on)\\b");
    private static final Pattern ENDS = Pattern.compile("(?i)\\b(?:ends?\\s*on|end\\s*date|(?:cycle|period|term|coverage)\\s*ends?"
            + "|terminat(?:es|ion)\\s*(?:on|date)|term\\s*date|due\\s*for\\s*renewal|due\\s*date(?:\\s*of)?)\\b");
    private static final Pattern NOT_THE_EXPIRY = Pattern.compile("(?i)\\bby\\b|before|prior|within|received");

    private Deadlines() {
    }

    /** A date read from the letter, with how it was derived. */
    record Dated(LocalDate date, String evidence, double confidence) {
    }

    /** The letter's own date: a "Date:"/"Notice date"/"Sent:" label, else the first date near the top. */
    static Dated letterDate(DocText doc) {
        for (int i = 0; i < doc.size(); i++) {
            Matcher m = LETTER_DATE.matcher(doc.line(i));
            while (m.find()) {
                TextDates.Found d = TextDates.first(doc.line(i).substring(m.end()));
                if (d != null && d.valid() && d.start() < 30) {
                    return new Dated(d.date(), doc.line(i).strip(), 0.9);
                }
            }
        }
        for (int i = 0; i < Math.min(20, doc.size()); i++) {
            TextDates.Found d = TextDates.first(doc.line(i));
            if (d != null && d.valid()) {
                return new Dated(d.date(), doc.line(i).strip(), 0.7);
            }
        }
        return null;
    }

    /** The appeal (or reconsideration, dispute) deadline. */
    static Dated appeal(DocText doc, Dated letter) {
        return deadline(doc, letter, APPEAL, null);
    }

    /** The date a records request must be answered by. */
    static Dated responseDue(DocText doc, Dated letter) {
        return deadline(doc, letter, RECORDS, APPEAL);
    }

    private static Dated deadline(DocText doc, Dated letter, Pattern topic, Pattern notTopic) {
        for (DocText.Paragraph p : doc.paragraphs()) {
            if (!topic.matcher(p.text()).find()) {
                continue;
            }
            Dated computed = null;
            for (String sentence : p.sentences()) {
                if (NOT_A_DEADLINE.matcher(sentence).find() || notTopic != null && notTopic.matcher(sentence).find()) {
                    continue;
                }
                Matcher by = BY_DATE.matcher(sentence);
                while (by.find()) {
                    TextDates.Found d = TextDates.first(sentence.substring(by.end()));
                    if (d != null && d.start() == 0 && d.valid()) {
                        return new Dated(d.date(), sentence.strip(), 0.92);
                    }
                }
                Matcher within = WITHIN.matcher(sentence);
                if (computed == null && letter != null && within.find()) {
                    int days = days(within.group(1));
                    boolean months = within.group(3).toLowerCase().startsWith("month");
                    boolean business = within.group(2) != null && !within.group(2).equalsIgnoreCase("calendar");
                    LocalDate due = months ? letter.date().plusMonths(days) : TextDates.plusDays(letter.date(), days, business);
                    computed = new Dated(due, "letter date " + letter.date() + " + " + days + (business ? " business" : "")
                            + (months ? " months: " : " days: ") + sentence.strip(), 0.8);
                }
            }
            if (computed != null) {
                return computed;
            }
        }
        return null;
    }

    /** When a credential, licence, registration or policy expires. */
    static Dated expiry(DocText doc, Dated letter) {
        Dated strong = pick(expiryCandidates(doc, EXPIRES), letter);
        return strong != null ? strong : pick(expiryCandidates(doc, ENDS), letter);
    }

    private static List<Dated> expiryCandidates(DocText doc, Pattern keyword) {
        List<Dated> out = new ArrayList<>();
        for (int i = 0; i < doc.size(); i++) {
            String line = doc.line(i);
            Matcher m = keyword.matcher(line);
            while (m.find()) {
                TextDates.Found d = TextDates.first(line.substring(m.end()));
                if (d != null && d.valid() && d.start() < 45 && !NOT_THE_EXPIRY.matcher(line.substring(m.end(), m.end() + d.start())).find()) {
                    out.add(new Dated(d.date(), line.strip(), 0.92));
                } else if (d == null && DocText.isHeaderLike(line)) {
                    for (int j = i + 1; j < doc.size() && j <= i + 15; j++) {
                        String row = doc.line(j);
                        if (row.isBlank()) {
                            break;
                        }
                        String cell = DocText.cell(row, m.start(), m.end());
                        TextDates.Found c = cell == null ? null : TextDates.first(cell);
                        if (c != null && c.valid()) {
                            out.add(new Dated(c.date(), row.strip(), 0.8));
                        }
                    }
                }
            }
        }
        for (DocText.Paragraph p : doc.paragraphs()) {
            for (String sentence : p.sentences()) {
                Matcher m = keyword.matcher(sentence);
                while (m.find()) {
                    TextDates.Found d = TextDates.first(sentence.substring(m.end()));
                    if (d != null && d.valid() && d.start() < 60 && !NOT_THE_EXPIRY.matcher(sentence.substring(m.end(), m.end() + d.start())).find()) {
                        out.add(new Dated(d.date(), sentence.strip(), 0.85));
                    }
                }
            }
        }
        return out;
    }

    /** The earliest candidate not before the letter's own date; else the first one read. */
    private static Dated pick(List<Dated> candidates, Dated letter) {
        Dated best = null;
        for (Dated c : candidates) {
            boolean current = letter == null || c.date().isAfter(letter.date());
            if (current && (best == null || c.date().isBefore(best.date()))) {
                best = c;
            }
        }
        return best != null ? best : candidates.isEmpty() ? null : candidates.get(0);
    }

    private static int days(String number) {
        String n = number.toLowerCase().replace('-', ' ').replace(" and ", " ");
        if (n.matches("\\d+")) {
            return Integer.parseInt(n);
        }
        if (n.startsWith("forty")) {
            return 45;
        }
        if (n.startsWith("one hundred")) {
            return n.endsWith("twenty") ? 120 : 180;
        }
        if (n.startsWith("three hundred")) {
            return 365;
        }
        return WORDS.getOrDefault(n, 0);
    }
}
