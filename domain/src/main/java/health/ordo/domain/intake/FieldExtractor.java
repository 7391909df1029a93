package health.ordo.domain.intake;

import health.ordo.domain.intake.DocumentType.Field;
import health.ordo.domain.intake.LabelledValues.Parser;
import health.ordo.domain.intake.LabelledValues.Read;
import health.ordo.domain.intake.LabelledValues.Value;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fields of a back-office document (member ID, claim number, NPI, service dates, amounts, adjustment codes,
 * deadlines, payer, supplier...) from its text, with no model: labels in their many spellings, values on the label's
 * line, the next line or the column under a table header, OCR slips inside numbers repaired, and every value checked
 * (NPI check digit, EIN prefix, real calendar dates, non-negative amounts, known code shapes).
 *
 * <p>Each field has a small table of label patterns in tiers: a value found under a first-tier label ("Member ID",
 * "Claim No.") beats one under a weaker label ("Reference #"), and within a tier the first in reading order wins.
 * Fields no label names fall back to a guess from position (the letterhead for a supplier, a lone Luhn-valid
 * ten-digit number for an NPI) with a low confidence.
 */
public final class FieldExtractor {

    private static final String PAYER_BRANDS = "aetna|humana|cigna|wellcare|molina|anthem|oscar|uhc|kaiser|ambetter|highmark|tricare|caresource|"
            + "health\\s*net|bcbs\\w*|optum|amerigroup|centene|premera|regence|wellmark|excellus|carefirst|horizon|emblem|geisinger|upmc|"
            + "providerone|medi-cal|masshealth|tenncare|kp|moda|avmed|umr|meritain|selecthealth|priority|tufts|harvard\\s*pilgrim";
    /** "prior authorization PA-7730214" in running text: read for a denial only when no label names the authorization. */
    private static final String AUTH_WORD = "\\b(?:prior\\s*|pre-?)?auth(?:ori[sz]ation)?\\b(?:\\s*request)?";
    private static final String SFX = "\\s*(?:#|no\\b\\.?|nbr\\b|num(?:ber)?\\b|id\\b)\\s*#?";

    /** Label patterns per field and tier (1 strongest); written in lower case, OCR-tolerant once compiled. */
    private static final Map<Field, List<List<Pattern>>> LABELS = new EnumMap<>(Field.class);

    static {
        labels(Field.MEMBER_ID,
                List.of("(?:member|subscriber|enrollee|beneficiary|insured|participant|recipient|recip|customer|cardholder|policy\\s*holder|veteran|employee)(?:'s)?"
                                + "\\s*(?:id(?:entification)?|#|no\\b\\.?|num(?:ber)?\\b)(?:\\s*(?:no\\b\\.?|number|#))?",
                        "\\b(?:" + PAYER_BRANDS + ")\\s*(?:member\\s*)?(?:id|mrn)\\b", "\\bcin\\b", "\\bmid\\b", "\\bid\\s*(?:no\\b\\.?|number|#)",
                        "identification\\s*(?:number|no\\b\\.?|#)", "\\b(?:dod\\s*)?benefits?\\s*(?:no\\b\\.?|number|#)"),
                List.of("(?:medicare|medicaid)\\s*(?:beneficiary\\s*)?(?:id|#|no\\b\\.?|number)", "\\b(?:mbi|hicn?|dbn)\\b",
                        "\\b(?:insurance|policy|contract|plan\\s*member)\\s*(?:id|#|no\\b\\.?|number)", "patient\\s*id\\b", "\\bsubscriber\\s*:", "\\bclient\\s*id\\b",
                        "(?:^\\s*|(?<=\\s\\s)|(?<=[,;(|-])\\s*)\\bid\\b(?!\\s*(?:card|cards)\\b|\\s+\\d{5}(?:-\\d{4})?\\b)"));
        labels(Field.PATIENT_ACCOUNT_NUMBER,
                List.of("\\b(?:patient|pt|pat)\\.?\\s*(?:acct|account|acnt|act)\\b\\.?(?:" + SFX + ")?",
                        "\\b(?:patient|pt|pat)\\.?\\s*(?:control|cntl|ctrl|cntrl)\\b\\.?(?:" + SFX + ")?", "\\b(?:pcn|acnt)\\b",
                        "\\b(?:your\\s*)?patient\\s*(?:#|no\\b\\.?|number)",
                        "\\b(?:your|provider|hospital|facility)\\s*(?:patient\\s*)?acc(?:oun)?t\\b\\.?(?:" + SFX + ")?",
                        "\\bacc(?:oun)?t\\b\\.?" + SFX),
                List.of("\\bacct\\b\\.?", "\\baccount\\s*:", "patient\\s*ref(?:erence)?\\b"));
        labels(Field.CLAIM_NUMBER,
                List.of("\\bclaim\\s*(?:control)?" + SFX, "\\b(?:icn|dcn|ccn|tcn)\\b",
                        "\\b(?:internal|document|payer)\\s*control" + SFX, "\\bclaim\\s*ref(?:erence)?\\b" + "(?:" + SFX + ")?"),
                List.of("\\bclaim\\b(?!\\s*(?:status|date|type|form|total|line|adjust))", "\\b(?:reference|ref)\\b\\.?" + SFX));
        labels(Field.NPI,
                List.of("\\bnpi\\b(?:" + SFX + ")?"),
                List.of("\\bprovider" + SFX));
        labels(Field.AUTHORIZATION_NUMBER,
                List.of("\\b(?:prior\\s*|pre-?)?auth(?:ori[sz]ation)?\\b\\.?(?:/notification)?(?:\\s*request)?\\s*(?:#|no\\b\\.?|number|num\\b|id\\b|code\\b|ref(?:erence)?\\b|:)",
                        "\\b(?:pre-?)?cert(?:ification)?\\b\\.?" + SFX, "\\bprecert(?:ification)?\\b" + SFX,
                        "\\bapproval\\s*(?:#|no\\b\\.?|number|code\\b)", "\\b(?:pa|um)\\s+(?:case\\s*)?" + SFX),
                List.of("\\b(?:reference|ref)\\b\\.?" + SFX, "\\bcase" + SFX, "\\b(?:request|order|notification|consult|review|tracking)" + SFX,
                        AUTH_WORD));
        labels(Field.INVOICE_NUMBER,
                List.of("\\binv(?:oice)?\\b\\.?" + SFX, "\\binvoice\\s*:"),
                List.of("\\binvoice\\b"));
        labels(Field.PO_NUMBER,
                List.of("(?<!\\bno\\s{1,3})(?:\\b(?:customer|cust|client|your|buyer)\\.?\\s*)?(?:\\bp\\.?\\s?o\\b\\.?|\\bpurchase\\s*order\\b)(?:\\s*(?:#|no\\b\\.?|number|num\\b|ref(?:erence)?\\b))?"));
        labels(Field.TAX_ID,
                List.of("(?:\\bfederal\\s*|\\bfed\\.?\\s*)?(?:\\btax\\s*(?:payer\\s*)?id(?:entification)?(?:\\s*(?:#|no\\b\\.?|number))?|\\btin\\b|\\bfein\\b|\\bein\\b|"
                        + "employer\\s*identification\\s*(?:number|no\\b\\.?)|taxpayer\\s*identification\\s*number|\\bfed(?:eral)?\\.?\\s*id\\b)"));
    }

    private static final List<Pattern> AUTH_IN_TEXT = LabelledValues.labels(AUTH_WORD);
    private static final List<Pattern> TOTAL_BILLED = LabelledValues.labels("\\btotal\\s*(?:billed|charges?|charged|amount\\s*billed|billed\\s*(?:amount|amt|charges?))",
            "\\b(?:amount|amt)\\s*billed", "\\bbilled\\s*(?:amount|amt|charges?)", "\\b(?:total\\s*)?claim\\s*charges?",
            "\\bsubmitted\\s*(?:charges?|amount)", "\\b(?:provider|amount)\\s*charged");
    private static final List<Pattern> BILLED = LabelledValues.labels("\\bbilled\\b", "\\bcharges?\\b", "\\bcharged\\b");
    private static final List<Pattern> TOTAL_PAID = LabelledValues.labels("\\b(?:amount|amt)\\s*paid", "\\bpaid\\s*(?:amount|amt)", "\\bclaim\\s*(?:paid|payment)",
            "\\b(?:plan|insurance|payer|we)\\s*paid", "\\bpaid\\s*(?:to\\s*)?(?:the\\s*)?provider", "\\bprov(?:ider)?\\.?\\s*pd\\b");
    private static final List<Pattern> PAID = LabelledValues.labels("\\bpaid\\b");
    /** What a remittance pays in all (several claims): used only when no claim-level amount is printed. */
    private static final List<Pattern> REMITTED = LabelledValues.labels("\\b(?:total|net)\\s*(?:paid|payment)", "\\b(?:payment|check|eft|remittance)\\s*amount",
            "\\bpayment\\b");
    private static final List<Pattern> INVOICE_TOTAL = LabelledValues.labels("\\b(?:total\\s*(?:amount\\s*)?due|(?:current\\s*)?(?:amount|payment)\\s*due|invoice\\s*total|total\\s*invoice|"
            + "(?:total\\s*)?balance\\s*due|grand\\s*total|please\\s*pay|pay\\s*this\\s*amount|total\\s*amount)\\b");
    private static final List<Pattern> TOTAL = LabelledValues.labels("\\btotal\\b(?!\\s*(?:pieces|units|lines|hours|qty|credit))");
    private static final Pattern TOTALS_ROW = Pattern.compile("(?i)\\bt[o0]ta[l1]s?\\b(?!\\s*(?:resp|you|owe|cost|patient|member|out|deductible))");
    /** A totals row over several claims ("TOTALS: Claims 2 ...") or a sentence, not one claim's totals. */
    private static final Pattern NOT_CLAIM_TOTALS = Pattern.compile("(?i)\\bclaims?\\s*:?\\s*#?\\s*\\d|\\b(?:of|claims|year|family|met)\\b");

    private static final Pattern NPI_ANYWHERE = Pattern.compile("(?<![\\d-])([12]\\d{9})(?![\\d-])");
    private static final Pattern EIN_ANYWHERE = Pattern.compile("(?<![\\d-])\\d{2}-\\d{7}(?![\\d-])");

    /**
     * The fields {@code type} reads that {@code text} states, at most one per field, in the type's field order.
     *
     * @param type the document's type (its {@link DocumentType#fields()} are the fields looked for)
     * @param text the document's text (OCR output, e-mail body, portal print...)
     * @return the fields found; a field the text does not state is absent
     */
    public List<ExtractedField> extract(DocumentType type, String text) {
        Objects.requireNonNull(type, "type");
        DocText doc = new DocText(text);
        Deadlines.Dated letter = Deadlines.letterDate(doc);
        Map<Field, ExtractedField> found = new EnumMap<>(Field.class);
        boolean claim = type == DocumentType.DENIAL_LETTER || type == DocumentType.EXPLANATION_OF_BENEFITS
                || type == DocumentType.APPEAL_DECISION || type == DocumentType.MEDICAL_RECORDS_REQUEST;
        if (type.fields().contains(Field.SERVICE_DATE_FROM)) {
            ServiceDates.read(doc, claim, found);
        }
        if (type.fields().contains(Field.CARC_CODES)) {
            ClaimCodes.Codes codes = ClaimCodes.read(doc);
            codes(Field.CARC_CODES, codes.carc(), found);
            codes(Field.RARC_CODES, codes.rarc(), found);
        }
        for (Field field : type.fields()) {
            if (!found.containsKey(field)) {
                ExtractedField f = read(field, type, doc, letter);
                if (f != null) {
                    found.put(field, f);
                }
            }
        }
        List<ExtractedField> out = new ArrayList<>();
        for (Field field : type.fields()) {
            if (found.containsKey(field)) {
                out.add(found.get(field));
            }
        }
        return out;
    }

    /** One field of a document of {@code type}, or null; {@code letter} is the letter's own date for "within N days". */
    private ExtractedField read(Field field, DocumentType type, DocText doc, Deadlines.Dated letter) {
        boolean pa = type == DocumentType.PRIOR_AUTH_DETERMINATION || type == DocumentType.REFERRAL;
        switch (field) {
            case MEMBER_ID, PATIENT_ACCOUNT_NUMBER, CLAIM_NUMBER:
                return labelled(field, doc, LabelledValues::id, false, false, 3);
            case AUTHORIZATION_NUMBER: {
                ExtractedField f = labelled(field, doc, LabelledValues::id, false, false, pa ? 2 : 1);
                return f != null || pa ? f : guess(LabelledValues.find(doc, AUTH_IN_TEXT, LabelledValues::id, false, false, false), field);
            }
            case INVOICE_NUMBER: {
                // a bare "Invoice 2026-0117" counts only near the top (a subject line, the heading), not in the body text
                ExtractedField f = labelled(field, doc, LabelledValues::id, false, true, 1);
                return f != null ? f : capped(labelled(field, doc.head(15), LabelledValues::id, false, true, 2), 0.6);
            }
            case PO_NUMBER:
                return labelled(field, doc, LabelledValues::id, false, true, 1);
            case NPI: {
                ExtractedField f = labelled(field, doc, LabelledValues::npi, true, false, 1);
                if (f == null) {
                    f = labelled(field, doc, t -> valid(LabelledValues.npi(t)), true, false, 2);
                }
                return f != null ? f : unlabelled(field, doc, NPI_ANYWHERE, t -> valid(LabelledValues.npi(t)), 0.5);
            }
            case TAX_ID: {
                ExtractedField f = labelled(field, doc, LabelledValues::ein, true, false, 1);
                return f != null ? f : unlabelled(field, doc, EIN_ANYWHERE, t -> valid(LabelledValues.ein(t)), 0.5);
            }
            case BILLED_AMOUNT:
                return type == DocumentType.SUPPLIER_INVOICE ? invoiceTotal(doc) : amount(field, doc, TOTAL_BILLED, BILLED, List.of());
            case PAID_AMOUNT:
                return amount(field, doc, TOTAL_PAID, PAID, REMITTED);
            case PAYER:
                return PartyFields.payer(doc);
            case SUPPLIER:
                return PartyFields.supplier(doc);
            case APPEAL_DEADLINE:
                return dated(field, Deadlines.appeal(doc, letter));
            case RESPONSE_DUE:
                return dated(field, Deadlines.responseDue(doc, letter));
            case EXPIRY_DATE:
                return dated(field, Deadlines.expiry(doc, letter));
            default:
                return null;
        }
    }

    /** The value under the strongest label tier (up to {@code maxTier}) that yields one, first in reading order. */
    private static ExtractedField labelled(Field field, DocText doc, Parser parser, boolean wholeLine, boolean distinct, int maxTier) {
        List<List<Pattern>> tiers = LABELS.getOrDefault(field, List.of());
        for (int tier = 0; tier < Math.min(maxTier, tiers.size()); tier++) {
            Read best = LabelledValues.find(doc, tiers.get(tier), parser, wholeLine, distinct, false);
            if (best != null) {
                return LabelledValues.toField(field, best.value(), (tier == 0 ? 0.95 : tier == 1 ? 0.8 : 0.65) - best.place().penalty);
            }
        }
        return null;
    }

    /** The first match of {@code pattern} anywhere that parses and validates: a guess from position, not a label. */
    private static ExtractedField unlabelled(Field field, DocText doc, Pattern pattern, Parser parser, double confidence) {
        for (int i = 0; i < doc.size(); i++) {
            Matcher m = pattern.matcher(doc.line(i));
            while (m.find()) {
                Value v = parser.apply(m.group());
                if (v != null) {
                    return new ExtractedField(field, v.value(), confidence, true, doc.line(i).strip(), "not labelled: read from position");
                }
            }
        }
        return null;
    }

    /**
     * Billed or paid for the (first) claim: a claim-level label or a claim table's totals row, whichever comes first;
     * then the first row under such a column, or a plain label; a remittance's overall payment only as a last resort.
     */
    private static ExtractedField amount(Field field, DocText doc, List<Pattern> totals, List<Pattern> plain, List<Pattern> remitted) {
        Read inline = LabelledValues.find(doc, totals, LabelledValues::amount, true, false, false);
        Value row = totalsRow(doc, totals, plain);
        boolean inlineInline = inline != null && inline.place() != LabelledValues.Place.COLUMN;
        if (row != null && (!inlineInline || row.line() < inline.value().line())) {
            return LabelledValues.toField(field, row, 0.88);
        }
        if (inline != null) {
            return LabelledValues.toField(field, inline.value(), 0.93 - inline.place().penalty);
        }
        Read r = LabelledValues.find(doc, plain, LabelledValues::amount, true, false, false);
        if (r != null) {
            return LabelledValues.toField(field, r.value(), 0.8 - r.place().penalty);
        }
        Read all = LabelledValues.find(doc, remitted, LabelledValues::amount, true, false, false);
        return all == null ? null : LabelledValues.toField(field, all.value(), 0.7 - all.place().penalty);
    }

    /** The amount in a table's totals row under a column headed by one of the labels. */
    private static Value totalsRow(DocText doc, List<Pattern> totals, List<Pattern> plain) {
        for (int i = 0; i < doc.size(); i++) {
            String header = doc.line(i);
            if (!DocText.isHeaderLike(header) || !Amounts.find(header).isEmpty()) {
                continue;
            }
            for (List<Pattern> labels : List.of(totals, plain)) {
                for (Pattern label : labels) {
                    Matcher m = label.matcher(header);
                    if (!m.find()) {
                        continue;
                    }
                    for (int j = i + 1; j < doc.size() && j <= i + 40; j++) {
                        String row = doc.line(j);
                        if (TOTALS_ROW.matcher(row).find() && !Amounts.find(row).isEmpty() && !NOT_CLAIM_TOTALS.matcher(row).find()) {
                            Amounts.Found a = under(Amounts.find(row), m.start(), m.end());
                            if (a != null) {
                                return new Value(a.plain(), !a.negative(), a.negative() ? "negative amount" : null,
                                        header.strip() + " / " + row.strip(), j);
                            }
                            break;
                        }
                    }
                }
            }
        }
        return null;
    }

    /** The amount printed under the column [start, end), within a few characters, or null. */
    private static Amounts.Found under(List<Amounts.Found> amounts, int start, int end) {
        Amounts.Found best = null;
        int bestDistance = 6;
        for (Amounts.Found a : amounts) {
            int distance = Math.max(0, Math.max(start - a.end(), a.start() - end));
            if (distance < bestDistance || distance == bestDistance && best == null) {
                best = a;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** An invoice's amount due: the last "total due"-like label, else the last "total", else the only amount. */
    private static ExtractedField invoiceTotal(DocText doc) {
        Read due = LabelledValues.find(doc, INVOICE_TOTAL, LabelledValues::amount, true, false, true);
        if (due != null) {
            return LabelledValues.toField(Field.BILLED_AMOUNT, due.value(), 0.93 - due.place().penalty);
        }
        Read total = LabelledValues.find(doc, TOTAL, LabelledValues::amount, true, false, true);
        if (total != null) {
            return LabelledValues.toField(Field.BILLED_AMOUNT, total.value(), 0.85 - total.place().penalty);
        }
        List<String> amounts = new ArrayList<>();
        String evidence = null;
        for (String line : doc.lines) {
            for (Amounts.Found a : Amounts.find(line)) {
                if (!a.negative() && !amounts.contains(a.plain())) {
                    amounts.add(a.plain());
                    evidence = line.strip();
                }
            }
        }
        return amounts.size() == 1 ? new ExtractedField(Field.BILLED_AMOUNT, amounts.get(0), 0.5, true, evidence,
                "not labelled: the only amount in the document") : null;
    }

    /** CARC or RARC codes as one comma-separated field; a CARC outside the published shapes makes the list invalid. */
    private static void codes(Field field, Map<String, String> codes, Map<Field, ExtractedField> found) {
        if (codes.isEmpty()) {
            return;
        }
        List<String> unknown = codes.keySet().stream().filter(c -> field == Field.CARC_CODES && !ClaimCodes.isKnownCarc(c)).toList();
        String evidence = codes.values().iterator().next();
        found.put(field, new ExtractedField(field, String.join(",", codes.keySet()), unknown.isEmpty() ? 0.92 : 0.3, unknown.isEmpty(),
                evidence, unknown.isEmpty() ? null : "not a published reason code: " + String.join(",", unknown)));
    }

    private static ExtractedField dated(Field field, Deadlines.Dated d) {
        return d == null ? null : new ExtractedField(field, d.date().toString(), d.confidence(), true, d.evidence(), null);
    }

    /** A value read under a weak clue, with a guess's confidence. */
    private static ExtractedField guess(Read r, Field field) {
        return r == null ? null : LabelledValues.toField(field, r.value(), 0.6);
    }

    private static ExtractedField capped(ExtractedField f, double confidence) {
        return f == null ? null : new ExtractedField(f.field(), f.value(), Math.min(f.confidence(), confidence), f.valid(), f.evidence(), f.problem());
    }

    private static Value valid(Value v) {
        return v != null && v.valid() ? v : null;
    }

    @SafeVarargs
    private static void labels(Field field, List<String>... tiers) {
        List<List<Pattern>> compiled = new ArrayList<>();
        for (List<String> tier : tiers) {
            compiled.add(LabelledValues.labels(tier.toArray(String[]::new)));
        }
        LABELS.put(field, compiled);
    }
}
