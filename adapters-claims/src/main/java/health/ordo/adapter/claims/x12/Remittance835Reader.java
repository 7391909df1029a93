package health.ordo.adapter.claims.x12;

import health.ordo.adapter.claims.ClaimKeys;
import health.ordo.adapter.claims.ClaimFinding;
import health.ordo.adapter.claims.codes.AppealDeadlineRule;
import health.ordo.adapter.claims.codes.CarcTable;
import health.ordo.application.port.in.workitem.UnreadableDocumentException;
import health.ordo.domain.shared.Money;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an X12 835 (005010X221A1; 004010X091A1 files too) into claim findings: denied claims (CLP02 = 4), claims or
 * lines denied through CO/OA/PI adjustments whose CARC denotes a denial ({@link CarcTable}), underpayments, reversals
 * (CLP02 = 22), and routine claims that create nothing. Loops are told apart by their segment ids alone (a CLP opens a
 * claim, an SVC a service line), never by whether a code is on a list, so a payer's off-list code (a CLP06 of "CI",
 * say) cannot merge two claims. Defects a clearinghouse tolerates (SE counts, mismatched control numbers) become
 * warnings; an envelope that cannot be read is refused naming the segment and its position.
 */
final class Remittance835Reader {

    static final String SOURCE_SYSTEM = "x12-835";
    /** Shortfalls of a service line up to this much are rounding, not underpayment. */
    static final BigDecimal UNDERPAYMENT_TOLERANCE = new BigDecimal("1.00");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final java.util.regex.Pattern REMARK_CODE = java.util.regex.Pattern.compile("[A-Z]{1,2}\\d+[A-Z]?");
    /** MIA elements that carry remark codes (MIA05, MIA20–MIA23); MOA03–MOA07 likewise. */
    private static final int[] MIA_REMARKS = {5, 20, 21, 22, 23};
    private static final int[] MOA_REMARKS = {3, 4, 5, 6, 7};

    /** Everything read from one file. */
    record Remittance(int interchanges, List<ClaimFinding> claims, List<String> warnings) {
    }

    /** A CLP with the segments of its claim (2100) and its service lines (2110, each starting with its SVC). */
    private record Claim(X12Segment clp, List<X12Segment> segments, List<List<X12Segment>> lines) {
    }

    private final AppealDeadlineRule appealRule;

    Remittance835Reader(AppealDeadlineRule appealRule) {
        this.appealRule = appealRule;
    }

    Remittance read(byte[] document) {
        List<String> warnings = new ArrayList<>();
        X12Envelopes.Contents contents = X12Envelopes.read(X12Envelopes.text(document).replace("\uFEFF", ""), warnings);
        if (contents.transactions().isEmpty()) {
            throw new UnreadableDocumentException("ST", "the file holds no 835 transaction set"
                    + (warnings.isEmpty() ? "" : " (" + String.join("; ", warnings) + ")"));
        }
        List<ClaimFinding> claims = new ArrayList<>();
        for (X12Envelopes.Transaction transaction : contents.transactions()) {
            readTransaction(transaction, claims, warnings);
        }
        return new Remittance(contents.interchanges(), claims, warnings);
    }

    /** UTF-8 when the bytes are valid UTF-8, else ISO-8859-1 (every byte a character): either way nothing is refused. */
    private void readTransaction(X12Envelopes.Transaction transaction, List<ClaimFinding> claims, List<String> warnings) {
        String trace = null;
        String payerName = null;
        String payerId = null;
        String party = null;
        X12Segment productionDate = null;
        X12Segment bpr = null;
        List<Claim> read = new ArrayList<>();
        Claim claim = null;
        List<X12Segment> line = null;
        for (X12Segment segment : transaction.body()) {
            switch (segment.id()) {
                case "CLP" -> {
                    claim = new Claim(segment, new ArrayList<>(), new ArrayList<>());
                    line = null;
                    read.add(claim);
                }
                case "SVC" -> {
                    if (claim == null) {
                        warnings.add(segment.where() + ": a service line outside a claim, ignored");
                    } else {
                        line = new ArrayList<>(List.of(segment));
                        claim.lines().add(line);
                    }
                }
                case "LX", "TS3", "TS2" -> {
                    claim = null;
                    line = null;
                }
                case "PLB" -> {
                    claim = null;
                    line = null;
                    warnings.add(providerAdjustment(segment));
                }
                default -> {
                    if (line != null) {
                        line.add(segment);
                    } else if (claim != null) {
                        claim.segments().add(segment);
                    } else if (read.isEmpty()) {
                        switch (segment.id()) {
                            case "BPR" -> bpr = segment;
                            case "TRN" -> trace = segment.has(2) ? segment.element(2) : null;
                            case "DTM" -> productionDate = "405".equals(segment.element(1)) ? segment : productionDate;
                            case "N1" -> {
                                party = segment.element(1);
                                if ("PR".equals(party)) {
                                    payerName = segment.element(2);
                                    payerId = segment.has(4) ? segment.element(4) : null;
                                }
                            }
                            case "REF" -> {
                                if ("PR".equals(party) && payerId == null && "2U".equals(segment.element(1)) && segment.has(2)) {
                                    payerId = segment.element(2);
                                }
                            }
                            default -> {
                            }
                        }
                    }
                }
            }
        }
        String name = payerName == null || payerName.isEmpty() ? "Unknown payer" : payerName;
        LocalDate remitDate = remitDate(productionDate, bpr, warnings);
        if (trace == null) {
            warnings.add(transaction.st().where() + " (" + transaction.controlNumber() + "): no TRN trace number");
        }
        String payerKey = payerId != null ? payerId : name;
        for (Claim each : read) {
            try {
                claims.add(readClaim(each, name, payerKey, trace, remitDate));
            } catch (RuntimeException e) {
                String ref = each.clp().has(1) ? each.clp().element(1) : "?";
                claims.add(new ClaimFinding(ClaimFinding.Kind.REJECTED, ref, null, null, "CLP " + ref + " (" + each.clp().where() + "): "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
            }
        }
    }

    private ClaimFinding readClaim(Claim claim, String payerName, String payerKey, String trace, LocalDate remitDate) {
        X12Segment clp = claim.clp();
        String patientControl = required(clp, 1, "CLP01");
        String status = required(clp, 2, "CLP02");
        BigDecimal billed = amount(clp, 3, "CLP03");
        BigDecimal paid = amount(clp, 4, "CLP04");
        BigDecimal patientResponsibility = clp.has(5) ? amount(clp, 5, "CLP05") : BigDecimal.ZERO;
        String filingIndicator = clp.element(6);
        String payerClaim = clp.has(7) ? clp.element(7) : null;
        SourceReference source = source(payerKey, payerClaim, patientControl);
        switch (status) {
            case "22" -> {
                return new ClaimFinding(ClaimFinding.Kind.REVERSAL, patientControl, null, source, "reversal of a previous payment");
            }
            case "23" -> {
                return new ClaimFinding(ClaimFinding.Kind.ROUTINE, patientControl, null, source,
                        "not this payer's claim (CLP02 = 23): forwarded to another payer");
            }
            case "25" -> {
                return new ClaimFinding(ClaimFinding.Kind.ROUTINE, patientControl, null, source,
                        "predetermination pricing only (CLP02 = 25): no payment");
            }
            default -> {
            }
        }
        List<String[]> adjustments = new ArrayList<>();
        Set<String> rarcs = new LinkedHashSet<>();
        for (X12Segment segment : claim.segments()) {
            switch (segment.id()) {
                case "CAS" -> adjustments.addAll(triplets(segment));
                case "MOA" -> remarks(segment, MOA_REMARKS, rarcs);
                case "MIA" -> remarks(segment, MIA_REMARKS, rarcs);
                default -> {
                }
            }
        }
        List<String[]> claimAdjustments = List.copyOf(adjustments);
        BigDecimal underpaid = BigDecimal.ZERO;
        BigDecimal allowedTotal = BigDecimal.ZERO;
        for (List<X12Segment> line : claim.lines()) {
            X12Segment svc = line.get(0);
            List<String[]> lineAdjustments = new ArrayList<>();
            BigDecimal allowed = null;
            for (X12Segment segment : line) {
                switch (segment.id()) {
                    case "CAS" -> lineAdjustments.addAll(triplets(segment));
                    case "LQ" -> {
                        if ("HE".equals(segment.element(1)) && segment.has(2)) {
                            rarcs.add(segment.element(2));
                        }
                    }
                    case "AMT" -> allowed = "B6".equals(segment.element(1)) ? amount(segment, 2, "AMT02") : allowed;
                    default -> {
                    }
                }
            }
            adjustments.addAll(lineAdjustments);
            if (allowed != null && svc.has(3)) {
                BigDecimal explained = lineAdjustments.stream().filter(a -> CarcTable.reducesPaymentWithinAllowed(a[0], a[1]))
                        .map(a -> new BigDecimal(a[2])).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal shortfall = allowed.subtract(explained).subtract(amount(svc, 3, "SVC03"));
                allowedTotal = allowedTotal.add(allowed);
                if (shortfall.compareTo(UNDERPAYMENT_TOLERANCE) > 0) {
                    underpaid = underpaid.add(shortfall);
                }
            }
        }
        // Claim-level adjustments that lower the payment within the allowed amount (a deductible, sequestration, a
        // prior payer's payment stated once for the claim) explain the lines' shortfall too.
        BigDecimal explainedForClaim = claimAdjustments.stream().filter(a -> CarcTable.reducesPaymentWithinAllowed(a[0], a[1]))
                .map(a -> new BigDecimal(a[2])).reduce(BigDecimal.ZERO, BigDecimal::add);
        underpaid = underpaid.subtract(explainedForClaim);
        if (underpaid.compareTo(UNDERPAYMENT_TOLERANCE) <= 0) {
            underpaid = BigDecimal.ZERO;
        }
        int lines = claim.lines().size();
        BigDecimal denied = BigDecimal.ZERO;
        Set<String> deniedCodes = new LinkedHashSet<>();
        Set<String> allCodes = new LinkedHashSet<>();
        for (String[] adjustment : adjustments) {
            allCodes.add(adjustment[0] + "-" + adjustment[1]);
            // A denying code with no money (or a negative amount, undoing an earlier adjustment) denies nothing.
            if (CarcTable.isDenial(adjustment[0], adjustment[1]) && new BigDecimal(adjustment[2]).signum() > 0) {
                deniedCodes.add(adjustment[0] + "-" + adjustment[1]);
                denied = denied.add(new BigDecimal(adjustment[2]));
            }
        }
        boolean claimDenied = "4".equals(status);
        if (!claimDenied && deniedCodes.isEmpty()) {
            if (underpaid.signum() > 0) {
                return underpayment(patientControl, payerName, payerKey, payerClaim, status, billed, paid, allowedTotal, underpaid,
                        allCodes, lines, remitDate, trace, filingIndicator);
            }
            return new ClaimFinding(ClaimFinding.Kind.ROUTINE, patientControl, null, source, "routine adjustments " + allCodes);
        }
        String firstCarc = deniedCodes.isEmpty() ? (allCodes.isEmpty() ? null : allCodes.iterator().next().split("-", 2)[1])
                : deniedCodes.iterator().next().split("-", 2)[1];
        CarcTable.Category category = firstCarc == null ? CarcTable.Category.OTHER : CarcTable.category(firstCarc);
        BigDecimal atStake = claimDenied ? billed.subtract(patientResponsibility).max(BigDecimal.ZERO) : denied.max(BigDecimal.ZERO);
        int appealDays = appealRule.days(payerKey, payerName, filingIndicator);
        Instant appealDeadline = AppealDeadlineRule.deadline(remitDate, appealDays);
        Map<String, Object> attributes = claimAttributes(payerName, payerKey, patientControl, payerClaim, status, billed, paid);
        attributes.put("patientResponsibility", patientResponsibility);
        if (firstCarc != null) {
            attributes.put("carc", firstCarc);
            attributes.put("carcDescription", CarcTable.description(firstCarc));
        }
        attributes.put("adjustmentCodes", String.join(",", allCodes));
        attributes.put("deniedCodes", String.join(",", deniedCodes));
        if (!rarcs.isEmpty()) {
            attributes.put("rarcCodes", String.join(",", rarcs));
        }
        attributes.put("denialCategory", category.name());
        attributes.put("carcTableVersion", CarcTable.VERSION);
        attributes.put("serviceLines", BigDecimal.valueOf(lines));
        attributes.put("remitDate", remitDate.toString());
        if (trace != null) {
            attributes.put("traceNumber", trace);
        }
        attributes.put("appealLimitDays", BigDecimal.valueOf(appealDays));
        String title = "Denied claim" + payerClaimLabel(payerClaim) + " (" + payerName + "): "
                + (firstCarc == null ? "claim denied" : String.join(", ", deniedCodes.isEmpty() ? allCodes : deniedCodes) + " "
                + CarcTable.description(firstCarc));
        WorkItemContent content = new WorkItemContent(WorkItemType.CLAIM_DENIAL, source, title.length() > 300 ? title.substring(0, 300) : title,
                new Money(atStake.setScale(2, java.math.RoundingMode.HALF_UP), "USD"), appealDeadline.minusSeconds(14L * 86_400),
                appealDeadline, Attributes.of(attributes), null);
        return new ClaimFinding(ClaimFinding.Kind.DENIAL, patientControl, content, null, null);
    }

    /**
     * A claim item's source key: the payer and its claim control number (CLP07), or, without one, an opaque key of the
     * patient control number (which is never written into an external id or a title).
     */
    private static SourceReference source(String payerKey, String payerClaim, String patientControl) {
        return new SourceReference(SOURCE_SYSTEM, payerKey + ":" + (payerClaim == null || payerClaim.isBlank()
                ? ClaimKeys.opaque(payerKey, patientControl) : payerClaim));
    }

    /** The payer's claim number for a title (the payer's, never the patient control number); empty without one. */
    private static String payerClaimLabel(String payerClaim) {
        return payerClaim == null || payerClaim.isBlank() ? "" : " " + payerClaim;
    }

    /** What every claim item says of its claim: payer, the claim's control numbers, status, billed and paid amounts. */
    private static Map<String, Object> claimAttributes(String payerName, String payerKey, String patientControl, String payerClaim,
                                                       String status, BigDecimal billed, BigDecimal paid) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("payer", payerName);
        attributes.put("payerId", payerKey);
        attributes.put("patientControlNumber", patientControl);
        if (payerClaim != null && !payerClaim.isBlank()) {
            attributes.put("payerClaimControlNumber", payerClaim);
        }
        attributes.put("claimStatus", status);
        attributes.put("billedAmount", billed);
        attributes.put("paidAmount", paid);
        return attributes;
    }

    /**
     * A claim paid below what the payer itself allowed: per service line, allowed amount (AMT*B6) minus the patient's
     * share (PR adjustments) minus what was paid (SVC03); lines short by more than the tolerance add up to the amount at
     * stake. The payer's allowed amount is the expected amount the 835 carries; a contract rate table is not used.
     */
    private ClaimFinding underpayment(String patientControl, String payerName, String payerKey, String payerClaim, String status,
                                      BigDecimal billed, BigDecimal paid, BigDecimal allowed, BigDecimal underpaid, Set<String> codes,
                                      int lines, LocalDate remitDate, String trace, String filingIndicator) {
        SourceReference source = source(payerKey, payerClaim, patientControl);
        int appealDays = appealRule.days(payerKey, payerName, filingIndicator);
        Instant appealDeadline = AppealDeadlineRule.deadline(remitDate, appealDays);
        Map<String, Object> attributes = claimAttributes(payerName, payerKey, patientControl, payerClaim, status, billed, paid);
        attributes.put("allowedAmount", allowed);
        attributes.put("underpaidAmount", underpaid);
        attributes.put("adjustmentCodes", String.join(",", codes));
        attributes.put("serviceLines", BigDecimal.valueOf(lines));
        attributes.put("remitDate", remitDate.toString());
        if (trace != null) {
            attributes.put("traceNumber", trace);
        }
        attributes.put("appealLimitDays", BigDecimal.valueOf(appealDays));
        String title = "Underpaid claim" + payerClaimLabel(payerClaim) + " (" + payerName + "): " + underpaid.setScale(2, java.math.RoundingMode.HALF_UP)
                + " below the allowed amount";
        WorkItemContent content = new WorkItemContent(WorkItemType.UNDERPAYMENT, source, title,
                new Money(underpaid.setScale(2, java.math.RoundingMode.HALF_UP), "USD"), appealDeadline.minusSeconds(14L * 86_400),
                appealDeadline, Attributes.of(attributes), null);
        return new ClaimFinding(ClaimFinding.Kind.DENIAL, patientControl, content, null, null);
    }

    /** CAS group code followed by up to six (reason, amount, quantity) triplets. */
    private static List<String[]> triplets(X12Segment cas) {
        List<String[]> out = new ArrayList<>();
        String group = required(cas, 1, "CAS01");
        for (int i = 0; i < 6; i++) {
            int reason = 2 + i * 3;
            if (cas.has(reason)) {
                BigDecimal amount = amount(cas, reason + 1, String.format("CAS%02d", reason + 1));
                out.add(new String[]{group, cas.element(reason), amount.toPlainString()});
            }
        }
        return out;
    }

    private static void remarks(X12Segment segment, int[] elements, Set<String> rarcs) {
        for (int element : elements) {
            String value = segment.element(element);
            if (REMARK_CODE.matcher(value).matches()) {
                rarcs.add(value);
            }
        }
    }

    /** PLB pairs (reason:reference, amount): money the payer moved outside any claim, reported, not a work item. */
    private static String providerAdjustment(X12Segment plb) {
        List<String> adjustments = new ArrayList<>();
        for (int i = 3; i + 1 < plb.elements().size(); i += 2) {
            if (plb.has(i)) {
                List<String> reason = plb.components(i);
                adjustments.add(reason.get(0) + (reason.size() > 1 && !reason.get(1).isBlank() ? " (" + reason.get(1) + ")" : "")
                        + " " + plb.element(i + 1));
            }
        }
        return plb.where() + ": provider-level adjustment of provider " + plb.element(1) + " " + String.join(", ", adjustments)
                + " — not tied to a claim, no work item";
    }

    /** DTM*405 (production date), else BPR16 (effective payment date), else today, each fallback a warning. */
    private static LocalDate remitDate(X12Segment productionDate, X12Segment bpr, List<String> warnings) {
        for (X12Segment dated : new X12Segment[]{productionDate, bpr}) {
            int element = dated == productionDate ? 2 : 16;
            if (dated != null && dated.has(element)) {
                try {
                    return LocalDate.parse(dated.element(element), CCYYMMDD);
                } catch (DateTimeParseException e) {
                    warnings.add(dated.where() + ": " + dated.id() + String.format("%02d", element) + " '" + dated.element(element)
                            + "' is not a date (CCYYMMDD)");
                }
            }
        }
        warnings.add("no readable remittance date (DTM*405 or BPR16): appeal deadlines count from today");
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String required(X12Segment segment, int element, String name) {
        if (!segment.has(element)) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return segment.element(element);
    }

    private static BigDecimal amount(X12Segment segment, int element, String name) {
        String value = required(segment, element, name);
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + value + "' at segment " + segment.position() + " is not an amount");
        }
    }
}
