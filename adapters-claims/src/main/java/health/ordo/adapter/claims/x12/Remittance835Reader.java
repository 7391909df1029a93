package health.ordo.adapter.claims.x12;

import health.ordo.adapter.claims.ClaimKeys;
import health.ordo.spi.MalformedDocumentException;
import health.ordo.spi.claims.Adjustment;
import health.ordo.spi.claims.ClaimPayment;
import health.ordo.spi.claims.RemittanceAdvice;
import health.ordo.spi.claims.RemittanceReader;
import health.ordo.spi.claims.ServiceLinePayment;

import jakarta.inject.Singleton;

import java.math.BigDecimal;
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
import java.util.function.Consumer;

/**
 * Reads an X12 835 (005010X221A1; 004010X091A1 files too) into the neutral payment model: per claim (CLP) its status,
 * amounts, CAS adjustments, remark codes and service lines (SVC with their CAS and AMT*B6 allowed amounts). What a claim
 * means (a denial, an underpayment, a reversal) is for the claims rules to say. Loops are told apart by their segment ids
 * alone (a CLP opens a claim, an SVC a service line), never by whether a code is on a list, so a payer's off-list code
 * (a CLP06 of "CI", say) cannot merge two claims. Defects a clearinghouse tolerates (SE counts, mismatched control
 * numbers) become warnings; an envelope that cannot be read is refused naming the segment and its position.
 */
@Singleton
public final class Remittance835Reader implements RemittanceReader {

    public static final String SOURCE_SYSTEM = "x12-835";
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final java.util.regex.Pattern REMARK_CODE = java.util.regex.Pattern.compile("[A-Z]{1,2}\\d+[A-Z]?");
    /** MIA elements that carry remark codes (MIA05, MIA20–MIA23); MOA03–MOA07 likewise. */
    private static final int[] MIA_REMARKS = {5, 20, 21, 22, 23};
    private static final int[] MOA_REMARKS = {3, 4, 5, 6, 7};

    /** A CLP with the segments of its claim (2100) and its service lines (2110, each starting with its SVC). */
    private record Claim(X12Segment clp, List<X12Segment> segments, List<List<X12Segment>> lines) {
    }

    @Override
    public String format() {
        return SOURCE_SYSTEM;
    }

    @Override
    public RemittanceAdvice read(byte[] document) {
        List<ClaimPayment> claims = new ArrayList<>();
        RemittanceAdvice advice = stream(document, claims::add);
        return new RemittanceAdvice(advice.documents(), claims, advice.warnings());
    }

    /**
     * Checks the whole file's envelopes first, so a file that is refused hands nothing on; then reads it again, handing
     * each claim on as soon as its loop ends. Only the claim being read is held, never the file's segments.
     */
    @Override
    public RemittanceAdvice stream(byte[] document, Consumer<ClaimPayment> claims) {
        String text = X12Envelopes.text(document).replace("\uFEFF", "");
        List<String> warnings = new ArrayList<>();
        X12Envelopes.Counts counts = X12Envelopes.scan(text, warnings, X12Envelopes.CHECK);
        if (counts.transactions() == 0) {
            throw new MalformedDocumentException("ST", "the file holds no 835 transaction set"
                    + (warnings.isEmpty() ? "" : " (" + String.join("; ", warnings) + ")"));
        }
        X12Envelopes.scan(text, new ArrayList<>(), new ClaimStream(warnings, claims));
        return new RemittanceAdvice(counts.interchanges(), List.of(), warnings);
    }

    /** Reads 835 transaction sets claim by claim: the header (payer, trace, dates) first, then each CLP loop as it ends. */
    private final class ClaimStream implements X12Envelopes.Visitor {
        private final List<String> warnings;
        private final Consumer<ClaimPayment> claims;
        private X12Segment st;
        private String trace;
        private String payerName;
        private String payerId;
        private String party;
        private X12Segment productionDate;
        private X12Segment bpr;
        private boolean started;
        private String name;
        private String payerKey;
        private LocalDate remitDate;
        private Claim claim;
        private List<X12Segment> line;

        ClaimStream(List<String> warnings, Consumer<ClaimPayment> claims) {
            this.warnings = warnings;
            this.claims = claims;
        }

        @Override
        public void start(X12Segment transaction) {
            st = transaction;
            trace = null;
            payerName = null;
            payerId = null;
            party = null;
            productionDate = null;
            bpr = null;
            started = false;
            claim = null;
            line = null;
        }

        @Override
        public void segment(X12Segment segment) {
            switch (segment.id()) {
                case "CLP" -> {
                    finish();
                    begin();
                    claim = new Claim(segment, new ArrayList<>(), new ArrayList<>());
                }
                case "SVC" -> {
                    if (claim == null) {
                        warnings.add(segment.where() + ": a service line outside a claim, ignored");
                    } else {
                        line = new ArrayList<>(List.of(segment));
                        claim.lines().add(line);
                    }
                }
                case "LX", "TS3", "TS2" -> finish();
                case "PLB" -> {
                    finish();
                    warnings.add(providerAdjustment(segment));
                }
                default -> {
                    if (line != null) {
                        line.add(segment);
                    } else if (claim != null) {
                        claim.segments().add(segment);
                    } else if (!started) {
                        header(segment);
                    }
                }
            }
        }

        @Override
        public void end(X12Segment se) {
            finish();
            begin();
        }

        private void header(X12Segment segment) {
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

        /** The header is read once the first claim (or the SE) comes: who paid, when, under which trace. */
        private void begin() {
            if (started) {
                return;
            }
            started = true;
            name = payerName == null || payerName.isEmpty() ? "Unknown payer" : payerName;
            remitDate = remitDate(productionDate, bpr, warnings);
            if (trace == null) {
                warnings.add(st.where() + " (" + st.element(2) + "): no TRN trace number");
            }
            payerKey = payerId != null ? payerId : name;
        }

        /** Hands the claim read so far on; a claim that cannot be read is handed on as unreadable, with why. */
        private void finish() {
            if (claim == null) {
                return;
            }
            Claim done = claim;
            claim = null;
            line = null;
            ClaimPayment payment;
            try {
                payment = readClaim(done, name, payerKey, trace, remitDate);
            } catch (RuntimeException e) {
                String ref = done.clp().has(1) ? done.clp().element(1) : "?";
                payment = ClaimPayment.unreadable(ref, "CLP " + ref + " (" + done.clp().where() + "): "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
            claims.accept(payment);
        }
    }

    private ClaimPayment readClaim(Claim claim, String payerName, String payerKey, String trace, LocalDate remitDate) {
        X12Segment clp = claim.clp();
        String patientControl = required(clp, 1, "CLP01");
        String status = required(clp, 2, "CLP02");
        BigDecimal billed = amount(clp, 3, "CLP03");
        BigDecimal paid = amount(clp, 4, "CLP04");
        BigDecimal patientResponsibility = clp.has(5) ? amount(clp, 5, "CLP05") : BigDecimal.ZERO;
        String filingIndicator = clp.element(6);
        String payerClaim = clp.has(7) && !clp.element(7).isBlank() ? clp.element(7) : null;
        List<Adjustment> adjustments = new ArrayList<>();
        Set<String> rarcs = new LinkedHashSet<>();
        for (X12Segment segment : claim.segments()) {
            switch (segment.id()) {
                case "CAS" -> adjustments.addAll(adjustments(segment));
                case "MOA" -> remarks(segment, MOA_REMARKS, rarcs);
                case "MIA" -> remarks(segment, MIA_REMARKS, rarcs);
                default -> {
                }
            }
        }
        List<ServiceLinePayment> lines = new ArrayList<>();
        for (List<X12Segment> line : claim.lines()) {
            X12Segment svc = line.get(0);
            List<Adjustment> lineAdjustments = new ArrayList<>();
            BigDecimal allowed = null;
            for (X12Segment segment : line) {
                switch (segment.id()) {
                    case "CAS" -> lineAdjustments.addAll(adjustments(segment));
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
            BigDecimal charged = svc.has(2) ? amount(svc, 2, "SVC02") : BigDecimal.ZERO;
            BigDecimal linePaid = svc.has(3) ? amount(svc, 3, "SVC03") : null;
            // without SVC03 the payment of the line is unknown: its allowed amount cannot tell an underpayment
            lines.add(new ServiceLinePayment(charged, linePaid == null ? null : allowed, BigDecimal.ZERO, linePaid, lineAdjustments,
                    false, BigDecimal.ZERO));
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("payer", payerName);
        attributes.put("payerId", payerKey);
        attributes.put("patientControlNumber", patientControl);
        if (payerClaim != null) {
            attributes.put("payerClaimControlNumber", payerClaim);
        }
        attributes.put("claimStatus", status);
        if (trace != null) {
            attributes.put("traceNumber", trace);
        }
        ClaimPayment.Status state = switch (status) {
            case "4" -> ClaimPayment.Status.DENIED;
            case "22" -> ClaimPayment.Status.REVERSED;
            case "23" -> ClaimPayment.Status.FORWARDED;
            case "25" -> ClaimPayment.Status.PREDETERMINATION;
            default -> ClaimPayment.Status.PROCESSED;
        };
        String note = switch (state) {
            case REVERSED -> "reversal of a previous payment, CLP02 = 22";
            case FORWARDED -> "not this payer's claim (CLP02 = 23): forwarded to another payer";
            case PREDETERMINATION -> "predetermination pricing only (CLP02 = 25): no payment";
            default -> null;
        };
        return new ClaimPayment(patientControl, SOURCE_SYSTEM, externalId(payerKey, payerClaim, patientControl), state,
                ClaimPayment.Basis.ADJUSTMENT_AMOUNTS, payerName, payerKey, payerClaim, billed, paid, patientResponsibility, "USD",
                filingIndicator, remitDate, adjustments, lines, List.copyOf(rarcs), attributes, note);
    }

    /**
     * A claim's key at the payer: the payer and its claim control number (CLP07), or, without one, an opaque key of the
     * patient control number (which is never written into an external id or a title).
     */
    private static String externalId(String payerKey, String payerClaim, String patientControl) {
        return payerKey + ":" + (payerClaim == null ? ClaimKeys.opaque(payerKey, patientControl) : payerClaim);
    }

    /** CAS group code followed by up to six (reason, amount, quantity) triplets. */
    private static List<Adjustment> adjustments(X12Segment cas) {
        List<Adjustment> out = new ArrayList<>();
        String group = required(cas, 1, "CAS01");
        for (int i = 0; i < 6; i++) {
            int reason = 2 + i * 3;
            if (cas.has(reason)) {
                BigDecimal amount = amount(cas, reason + 1, String.format("CAS%02d", reason + 1));
                out.add(new Adjustment(group, cas.element(reason), Adjustment.CodeSystem.CARC, amount));
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
