package health.ordo.domain.intake;

import health.ordo.domain.intake.DocumentType.Field;
import health.ordo.domain.intake.LabelledValues.Parser;
import health.ordo.domain.intake.LabelledValues.Read;
import health.ordo.domain.intake.LabelledValues.Value;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a document is from: the payer of a claim letter, or the supplier behind an invoice or onboarding form. Labels
 * first; then, with lower confidence, a known payer name, a W-9 line 1, an e-mail subject or sender domain, the
 * letterhead, or a company name.
 */
final class PartyFields {

    /** Labels naming the payer ("Payer:", "Health plan:", "Insurance:", "on behalf of"). */
    private static final List<Pattern> PAYER_LABELS = LabelledValues.labels("\\bpayer(?!\\s*(?:id|#|number))\\s*(?:name)?\\s*[:|]",
            "\\bhealth\\s*plan\\s*[:|]", "\\b(?:insurance(?:\\s*company)?|insurer|carrier|plan\\s*name)\\s*[:|]", "\\bon\\s*behalf\\s*of\\b");
    /** Labels naming the supplier: remit-to, payable-to, vendor/legal name, named insured of a certificate. */
    private static final List<Pattern> SUPPLIER_LABELS = LabelledValues.labels(
            "\\b(?:please\\s*)?remit(?:tance)?\\s*(?:payment\\s*)?(?:to|address)?\\s*[:|]", "\\bremit\\s*(?:payment\\s*)?to\\b",
            "\\b(?:make\\s*)?checks?\\s*payable\\s*to\\b", "\\bpayable\\s*to\\b", "\\bpay\\s*by\\s*(?:ach|check|wire)\\s*to\\b",
            "\\b(?:vendor|supplier|seller|payee|company|legal(?:\\s*business)?|entity|firm)\\s*name\\b",
            "\\b(?:vendor|supplier|seller|sold\\s*by|firm|certified\\s*firm|contractor|named\\s*insured|employer)\\s*[:|]",
            "(?<!additional\\s|certificate\\s)\\binsured\\b(?!\\s*(?:'s|id|#|no\\b|number))");
    /** Line 1 of a W-9 (or W-8): the name the tax return shows; a sole proprietor's business name is on line 2. */
    private static final List<Pattern> W9_NAME = LabelledValues.labels("\\bname\\s*\\(as\\s*shown\\s*on\\s*your\\s*income\\s*tax\\s*return\\)",
            "\\bname\\s*of\\s*entity\\s*/\\s*individual\\b", "^\\s*(?:line\\s*)?1\\s+name\\s*:",
            "\\bname\\s*of\\s*(?:organization|entity|business|company)\\b");
    private static final List<Pattern> W9_BUSINESS_NAME = LabelledValues.labels("\\bbusiness\\s*name\\b(?:/disregarded\\s*entity\\s*name)?");
    private static final Pattern PERSON = Pattern.compile("[A-Z][a-z]+(?:\\s+[A-Z]\\.?)*(?:\\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2}(?:,?\\s+(?:Jr|Sr|MD|DO|II|III)\\.?)?");
    private static final Pattern SUBJECT = Pattern.compile("(?i)^\\s*(?:subject|re)\\s*:\\s*(?:(?:re|fw|fwd)\\s*:\\s*)*(.+)$");
    private static final Pattern GREETING = Pattern.compile("(?i)^(?:hello|hi|dear|good\\s+(?:morning|afternoon|evening)|greetings|hey|to whom)\\b");
    private static final Pattern TITLE_WORDS = Pattern.compile("(?i)\\b(?:notice|certificate|certification|form|request|authorization|application|"
            + "statement|invoice|department|state\\s+of|evidence|change|update|report|summary|registration|renewal|questionnaire|"
            + "agreement|attachments?|setup|set-up|enrollment|w-?9|deposit|past\\s+due|overdue|reminder|urgent|final|memo|"
            + "vendor\\s+(?:file|record|profile|master|registration))\\b");
    private static final Pattern CUSTOMER = Pattern.compile("(?i)\\b(?:hospitals?|health\\s*(?:system|alliance|network)|medical\\s*cent(?:er|re)|"
            + "surgery\\s*center|clinic|memorial|regional)\\b|\\bhealth$");
    private static final Pattern FROM = Pattern.compile("(?i)^\\s*from\\s*:\\s*(.+)$");
    private static final Pattern CAPITALISED = Pattern.compile("(?<![\\w@.-])[A-Z][\\w&'-]+");
    private static final Pattern COMPANY = Pattern.compile("\\b[A-Z][\\w&'.-]*(?:[ ](?:[A-Z0-9][\\w&'.-]*|&|and|of))*,?[ ]"
            + "(?:Inc\\.?|INC\\.?|LLC|L\\.L\\.C\\.|Corp\\.?|CORP\\.?|Corporation|CORPORATION|Co\\.|CO\\.|Company|COMPANY|LLP|P\\.A\\.|PLLC|"
            + "P\\.C\\.|Ltd\\.?|LTD\\.?|GmbH|AS)(?![\\w])");
    private static final Pattern EMAIL_HEADER = Pattern.compile("(?i)^\\s*(?:from|to|cc|date|sent|subject|re|fax|attn|page)\\b\\s*:?");
    private static final Pattern TITLE = Pattern.compile("(?i)^[\\s*=-]*(?:invoice|statement|credit memo|bill|page|fax|facsimile|remittance|"
            + "service invoice|client invoice|tax invoice|proforma|quote|w-?9|form)\\b");

    private PartyFields() {
    }

    /** The payer: a "Payer:"/"Health plan:"/"on behalf of" label, else a known payer in the letterhead, then anywhere. */
    static ExtractedField payer(DocText doc) {
        Read labelled = LabelledValues.find(doc, PAYER_LABELS, t -> {
            String name = Parties.phrase(Parties.ocrLetters(t));
            return name == null ? null : Value.ok(Parties.clean(name), t, -1);
        }, false, false, false);
        if (labelled != null) {
            return LabelledValues.toField(Field.PAYER, labelled.value(), 0.9);
        }
        List<Function<String, String>> finders = List.of(line -> Parties.knownPayer(line, false), Parties::program,
                line -> Parties.knownPayer(line, true));
        for (Function<String, String> finder : finders) {
            for (int i = 0, seen = 0; i < doc.size() && seen < 6; i++) {
                if (DocText.isBlankOrRule(doc.line(i))) {
                    continue;
                }
                seen++;
                String name = finder.apply(doc.line(i));
                if (name != null) {
                    return new ExtractedField(Field.PAYER, name, 0.85, true, doc.line(i).strip(), null);
                }
            }
            for (String line : doc.lines) {
                String name = finder.apply(line);
                if (name != null) {
                    return new ExtractedField(Field.PAYER, name, 0.6, true, line.strip(), "payer named in the text, not labelled");
                }
            }
        }
        return null;
    }

    /** The supplier: a remit-to/vendor/business-name label, a W-9 line 1, a subject line, else the letterhead or a company name. */
    static ExtractedField supplier(DocText doc) {
        Parser name = t -> {
            String n = t.contains("@") ? null : Parties.nameAt(t);
            return n == null ? null : Value.ok(n, t, -1);
        };
        Read taxName = LabelledValues.find(doc, W9_NAME, name, false, false, false);
        Read business = LabelledValues.find(doc, W9_BUSINESS_NAME, name, false, false, false);
        if (taxName != null && (business == null || !PERSON.matcher(taxName.value().value()).matches())) {
            return LabelledValues.toField(Field.SUPPLIER, taxName.value(), 0.9 - taxName.place().penalty);
        }
        Read labelled = business != null ? business : LabelledValues.find(doc, SUPPLIER_LABELS, name, false, false, false);
        if (labelled != null) {
            return LabelledValues.toField(Field.SUPPLIER, labelled.value(), 0.88 - labelled.place().penalty);
        }
        List<String> senders = Parties.domains(doc.raw, "from|sent by|reply-to");
        for (String line : doc.raw) {
            Matcher subject = SUBJECT.matcher(line);
            if (subject.find()) {
                for (String part : subject.group(1).replaceAll("\\s*\\([^)]*\\)", "").split("\\s+[-–|:]\\s+|\\bfrom\\s+|\\bfor\\s+")) {
                    String n = Parties.phrase(part);
                    if (n != null && n.length() >= 6 && n.split("\\s+").length >= 2 && part.strip().startsWith(n)
                            && part.strip().length() - n.length() <= 8 && !TITLE_WORDS.matcher(n).find() && Parties.isName(n)
                            && !CUSTOMER.matcher(n).find()) {
                        return new ExtractedField(Field.SUPPLIER, n, 0.6, true, line.strip(), "named in the subject line");
                    }
                }
            }
        }
        if (!senders.isEmpty()) {
            for (String line : doc.raw) {
                for (Matcher w = CAPITALISED.matcher(line); w.find(); ) {
                    String n = Parties.phrase(line.substring(w.start()));
                    if (n != null && !n.contains("@") && Parties.matchesDomain(n, senders) && !CUSTOMER.matcher(n).find()) {
                        return new ExtractedField(Field.SUPPLIER, n, 0.6, true, line.strip(), "the name the sender's e-mail domain spells");
                    }
                }
            }
        }
        for (String line : doc.raw) {
            Matcher from = FROM.matcher(line);
            String n = from.find() ? Parties.nameAt(from.group(1)) : null;
            if (n != null && !n.contains("@") && !PERSON.matcher(n.split("[,(]")[0].strip()).matches() && !TITLE_WORDS.matcher(n).find()
                    && !CUSTOMER.matcher(n).find()) {
                return new ExtractedField(Field.SUPPLIER, n, 0.55, true, line.strip(), "the sender named on a From line");
            }
        }
        String letterhead = null;
        String letterheadLine = null;
        for (int i = 0, seen = 0; i < doc.size() && letterhead == null && seen < 4; i++) {
            String line = doc.raw.get(i);
            if (DocText.isBlankOrRule(line) || EMAIL_HEADER.matcher(line).find() || TITLE.matcher(line).find()) {
                continue;
            }
            seen++;
            for (int[] segment : DocText.segments(line)) {
                String n = Parties.nameAt(line.substring(segment[0], segment[1]));
                if (n != null && GREETING.matcher(n).find()) {
                    seen = 99;
                    break;
                }
                if (n != null && !n.contains("@") && !TITLE_WORDS.matcher(n).find() && !TITLE.matcher(n).find() && !CUSTOMER.matcher(n).find()) {
                    letterhead = n;
                    letterheadLine = line.strip();
                    break;
                }
            }
        }
        if (letterhead != null && COMPANY.matcher(letterhead).find()) {
            return new ExtractedField(Field.SUPPLIER, letterhead, 0.55, true, letterheadLine, "guessed from the letterhead");
        }
        for (String line : doc.raw) {
            Matcher company = COMPANY.matcher(line);
            if (company.find() && !CUSTOMER.matcher(company.group()).find()) {
                return new ExtractedField(Field.SUPPLIER, company.group().strip(), 0.5, true, line.strip(), "a company name in the text, not labelled");
            }
        }
        return letterhead == null ? null : new ExtractedField(Field.SUPPLIER, letterhead, 0.45, true, letterheadLine, "guessed from the letterhead");
    }
}
