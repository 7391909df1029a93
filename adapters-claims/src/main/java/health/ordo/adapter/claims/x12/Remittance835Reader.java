package health.ordo.adapter.claims.x12;

import com.imsweb.x12.Loop;
import com.imsweb.x12.Segment;
import com.imsweb.x12.reader.X12Reader;
import health.ordo.adapter.claims.ClaimFinding;
import health.ordo.adapter.claims.codes.AppealDeadlineRule;
import health.ordo.adapter.claims.codes.CarcTable;
import health.ordo.application.port.in.workitem.UnreadableDocumentException;
import health.ordo.domain.shared.Money;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an X12 835 (005010X221A1) file into claim findings: denied claims (CLP02 = 4), claims or lines denied through
 * CO/OA/PI adjustments whose CARC denotes a denial ({@link CarcTable}), reversals (CLP02 = 22), and routine claims that
 * create nothing. Defects a clearinghouse tolerates (SE counts, mismatched control numbers, parser complaints) become
 * warnings; an envelope that cannot be read is refused naming the segment and position.
 */
final class Remittance835Reader {

    static final String SOURCE_SYSTEM = "x12-835";
    /** Shortfalls of a service line up to this much are rounding, not underpayment. */
    static final BigDecimal UNDERPAYMENT_TOLERANCE = new BigDecimal("1.00");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    /** Everything read from one file. */
    record Remittance(int interchanges, List<ClaimFinding> claims, List<String> warnings) {
    }

    private final AppealDeadlineRule appealRule;

    Remittance835Reader(AppealDeadlineRule appealRule) {
        this.appealRule = appealRule;
    }

    Remittance read(byte[] document) {
        String text = new String(document, StandardCharsets.ISO_8859_1).replace("\uFEFF", "").strip();
        if (!text.startsWith("ISA") || text.length() < 106) {
            throw new UnreadableDocumentException("ISA", "segment 1, position 0: an X12 file starts with a 106-character ISA segment");
        }
        char elementSeparator = text.charAt(3);
        char segmentTerminator = text.charAt(105);
        List<String> warnings = new ArrayList<>();
        checkControlNumbers(text, elementSeparator, segmentTerminator, warnings);
        X12Reader reader;
        try {
            reader = new X12Reader(X12Reader.FileType.ANSI835_5010_X221, new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException("ISA", "the interchange envelope cannot be read: " + e.getMessage());
        }
        if (!reader.getFatalErrors().isEmpty()) {
            throw new UnreadableDocumentException("ISA", String.join("; ", reader.getFatalErrors()));
        }
        reader.getErrors().forEach(error -> warnings.add("parser: " + error));
        List<ClaimFinding> claims = new ArrayList<>();
        for (Loop interchange : reader.getLoops()) {
            for (Loop transaction : interchange.findLoop("ST_LOOP")) {
                readTransaction(transaction, claims, warnings);
            }
        }
        return new Remittance(reader.getLoops().size(), claims, warnings);
    }

    private void readTransaction(Loop transaction, List<ClaimFinding> claims, List<String> warnings) {
        Loop header = transaction.getLoop("HEADER");
        Segment trn = header == null ? null : header.getSegment("TRN");
        Segment bpr = header == null ? null : header.getSegment("BPR");
        String trace = trn == null ? null : trn.getElementValue("TRN02");
        Loop payerLoop = header == null ? null : header.getLoop("1000A");
        String payerName = payerLoop == null || payerLoop.getSegment("N1") == null ? "Unknown payer" : payerLoop.getSegment("N1").getElementValue("N102");
        String payerId = payerLoop == null ? null : payerIdOf(payerLoop);
        LocalDate remitDate = remitDate(header, bpr);
        if (trace == null) {
            warnings.add("ST " + transaction.getElement("ST", "ST02") + ": no TRN trace number");
        }
        String payerKey = payerId != null ? payerId : payerName;
        for (Loop claim : transaction.findLoop("2100")) {
            try {
                claims.add(readClaim(claim, payerName, payerKey, trace, remitDate));
            } catch (RuntimeException e) {
                String ref = claim.getSegment("CLP") == null ? "?" : claim.getSegment("CLP").getElementValue("CLP01");
                claims.add(new ClaimFinding(ClaimFinding.Kind.REJECTED, ref, null, null,
                        "CLP " + ref + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
            }
        }
    }

    private ClaimFinding readClaim(Loop claim, String payerName, String payerKey, String trace, LocalDate remitDate) {
        Segment clp = claim.getSegment("CLP");
        String patientControl = required(clp, "CLP01");
        String status = required(clp, "CLP02");
        BigDecimal billed = amount(clp, "CLP03");
        BigDecimal paid = amount(clp, "CLP04");
        BigDecimal patientResponsibility = clp.getElementValue("CLP05") == null || clp.getElementValue("CLP05").isBlank()
                ? BigDecimal.ZERO : amount(clp, "CLP05");
        String payerClaim = clp.getElementValue("CLP07");
        String claimKey = payerKey + ":" + (payerClaim == null || payerClaim.isBlank() ? patientControl : payerClaim);
        SourceReference source = new SourceReference(SOURCE_SYSTEM, claimKey);
        if ("22".equals(status)) {
            return new ClaimFinding(ClaimFinding.Kind.REVERSAL, patientControl, null, source, "reversal of a previous payment");
        }
        List<String[]> adjustments = new ArrayList<>();
        claim.findSegment("CAS").forEach(cas -> adjustments.addAll(triplets(cas)));
        Set<String> rarcs = new LinkedHashSet<>();
        int lines = 0;
        BigDecimal underpaid = BigDecimal.ZERO;
        BigDecimal allowedTotal = BigDecimal.ZERO;
        for (Loop line : claim.findLoop("2110")) {
            lines++;
            List<String[]> lineAdjustments = new ArrayList<>();
            line.findSegment("CAS").forEach(cas -> lineAdjustments.addAll(triplets(cas)));
            adjustments.addAll(lineAdjustments);
            line.findSegment("LQ").forEach(lq -> rarcs.add(lq.getElementValue("LQ02")));
            BigDecimal allowed = allowedAmount(line);
            Segment svc = line.getSegment("SVC");
            if (allowed != null && svc != null && svc.getElementValue("SVC03") != null && !svc.getElementValue("SVC03").isBlank()) {
                BigDecimal patientShare = lineAdjustments.stream().filter(a -> "PR".equals(a[0])).map(a -> new BigDecimal(a[2]))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal shortfall = allowed.subtract(patientShare).subtract(amount(svc, "SVC03"));
                allowedTotal = allowedTotal.add(allowed);
                if (shortfall.compareTo(UNDERPAYMENT_TOLERANCE) > 0) {
                    underpaid = underpaid.add(shortfall);
                }
            }
        }
        claim.findSegment("MOA").forEach(moa -> moa.getElements().stream().skip(2)
                .map(e -> e.getValue()).filter(v -> v != null && !v.isBlank() && v.matches("[A-Z]{1,2}\\d+")).forEach(rarcs::add));
        BigDecimal denied = BigDecimal.ZERO;
        Set<String> deniedCodes = new LinkedHashSet<>();
        Set<String> allCodes = new LinkedHashSet<>();
        for (String[] adjustment : adjustments) {
            allCodes.add(adjustment[0] + "-" + adjustment[1]);
            if (CarcTable.isDenial(adjustment[0], adjustment[1])) {
                deniedCodes.add(adjustment[0] + "-" + adjustment[1]);
                denied = denied.add(new BigDecimal(adjustment[2]));
            }
        }
        boolean claimDenied = "4".equals(status);
        if (!claimDenied && deniedCodes.isEmpty()) {
            if (underpaid.signum() > 0) {
                return underpayment(patientControl, payerName, payerKey, payerClaim, status, billed, paid, allowedTotal, underpaid,
                        allCodes, lines, remitDate, trace, clp.getElementValue("CLP06"));
            }
            return new ClaimFinding(ClaimFinding.Kind.ROUTINE, patientControl, null, source, "routine adjustments " + allCodes);
        }
        String firstCarc = deniedCodes.isEmpty() ? (allCodes.isEmpty() ? null : allCodes.iterator().next().split("-")[1])
                : deniedCodes.iterator().next().split("-")[1];
        CarcTable.Category category = firstCarc == null ? CarcTable.Category.OTHER : CarcTable.category(firstCarc);
        BigDecimal atStake = claimDenied ? billed.subtract(patientResponsibility).max(BigDecimal.ZERO) : denied.max(BigDecimal.ZERO);
        int appealDays = appealRule.days(payerKey, payerName, clp.getElementValue("CLP06"));
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
        String title = "Denied claim " + patientControl + " (" + payerName + "): "
                + (firstCarc == null ? "claim denied" : String.join(", ", deniedCodes.isEmpty() ? allCodes : deniedCodes) + " "
                + CarcTable.description(firstCarc));
        WorkItemContent content = new WorkItemContent(WorkItemType.CLAIM_DENIAL, source, title.length() > 300 ? title.substring(0, 300) : title,
                new Money(atStake.setScale(2, java.math.RoundingMode.HALF_UP), "USD"), appealDeadline.minusSeconds(14L * 86_400),
                appealDeadline, Attributes.of(attributes), null);
        return new ClaimFinding(ClaimFinding.Kind.DENIAL, patientControl, content, null, null);
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
        SourceReference source = new SourceReference(SOURCE_SYSTEM, payerKey + ":" + (payerClaim == null || payerClaim.isBlank()
                ? patientControl : payerClaim));
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
        String title = "Underpaid claim " + patientControl + " (" + payerName + "): " + underpaid.setScale(2, java.math.RoundingMode.HALF_UP)
                + " below the allowed amount";
        WorkItemContent content = new WorkItemContent(WorkItemType.UNDERPAYMENT, source, title,
                new Money(underpaid.setScale(2, java.math.RoundingMode.HALF_UP), "USD"), appealDeadline.minusSeconds(14L * 86_400),
                appealDeadline, Attributes.of(attributes), null);
        return new ClaimFinding(ClaimFinding.Kind.DENIAL, patientControl, content, null, null);
    }

    /** AMT*B6 (allowed, actual) of a service line, or null. */
    private static BigDecimal allowedAmount(Loop line) {
        for (Segment amt : line.findSegment("AMT")) {
            if ("B6".equals(amt.getElementValue("AMT01"))) {
                return amount(amt, "AMT02");
            }
        }
        return null;
    }

    /** CAS group code followed by up to six (reason, amount, quantity) triplets. */
    private static List<String[]> triplets(Segment cas) {
        List<String[]> out = new ArrayList<>();
        String group = cas.getElementValue("CAS01");
        for (int i = 0; i < 6; i++) {
            String reason = cas.getElementValue(String.format("CAS%02d", 2 + i * 3));
            String amount = cas.getElementValue(String.format("CAS%02d", 3 + i * 3));
            if (reason != null && !reason.isBlank()) {
                new BigDecimal(amount);
                out.add(new String[]{group, reason, amount});
            }
        }
        return out;
    }

    private static String payerIdOf(Loop payer) {
        Segment n1 = payer.getSegment("N1");
        if (n1 != null && n1.getElementValue("N104") != null && !n1.getElementValue("N104").isBlank()) {
            return n1.getElementValue("N104");
        }
        for (Segment ref : payer.findSegment("REF")) {
            if ("2U".equals(ref.getElementValue("REF01"))) {
                return ref.getElementValue("REF02");
            }
        }
        return null;
    }

    private static LocalDate remitDate(Loop header, Segment bpr) {
        if (header != null) {
            for (Segment dtm : header.findSegment("DTM")) {
                if ("405".equals(dtm.getElementValue("DTM01"))) {
                    return LocalDate.parse(dtm.getElementValue("DTM02"), CCYYMMDD);
                }
            }
        }
        String date = bpr == null ? null : bpr.getElementValue("BPR16");
        return date == null || date.isBlank() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(date, CCYYMMDD);
    }

    private static String required(Segment segment, String element) {
        String value = segment.getElementValue(element);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(element + " is missing");
        }
        return value;
    }

    private static BigDecimal amount(Segment segment, String element) {
        try {
            return new BigDecimal(required(segment, element));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(element + " is not an amount");
        }
    }

    /** SE01 against the segments counted, GE02 against GS06, IEA02 against ISA13: warnings, as clearinghouses report. */
    private static void checkControlNumbers(String text, char elementSeparator, char terminator, List<String> warnings) {
        String[] segments = text.split(java.util.regex.Pattern.quote(String.valueOf(terminator)));
        String isa13 = null;
        String gs06 = null;
        int inTransaction = 0;
        for (String raw : segments) {
            String segment = raw.strip();
            String[] e = segment.split(java.util.regex.Pattern.quote(String.valueOf(elementSeparator)), -1);
            switch (e[0]) {
                case "ISA" -> isa13 = e.length > 13 ? e[13].strip() : null;
                case "GS" -> gs06 = e.length > 6 ? e[6].strip() : null;
                case "ST" -> inTransaction = 1;
                case "SE" -> {
                    inTransaction++;
                    if (e.length > 1 && !e[1].strip().equals(Integer.toString(inTransaction))) {
                        warnings.add("SE segment count " + e[1].strip() + " but the transaction holds " + inTransaction + " segments");
                    }
                    inTransaction = 0;
                }
                case "GE" -> {
                    if (e.length > 2 && gs06 != null && !e[2].strip().equals(gs06)) {
                        warnings.add("GE02 " + e[2].strip() + " does not match GS06 " + gs06);
                    }
                }
                case "IEA" -> {
                    if (e.length > 2 && isa13 != null && !e[2].strip().equals(isa13)) {
                        warnings.add("IEA02 " + e[2].strip() + " does not match ISA13 " + isa13);
                    }
                }
                default -> {
                    if (inTransaction > 0) {
                        inTransaction++;
                    }
                }
            }
        }
    }
}
