package health.ordo.application.service.claims;

import health.ordo.domain.claims.AppealDeadlineRule;
import health.ordo.domain.claims.CarcCategory;
import health.ordo.domain.claims.CodeSet;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.Money;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;
import health.ordo.spi.claims.Adjustment;
import health.ordo.spi.claims.ClaimPayment;
import health.ordo.spi.claims.ServiceLinePayment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The claims rules: what one claim of a payer's remittance is for the back office. A claim denied as a whole, or with a
 * denying adjustment ({@link CodeSet#isDenial}) that cost money, is a denial whose category is its first denying code's;
 * a claim paid below what the payer itself allowed is an underpayment; a reversal cancels the item of the claim it
 * reverses; everything else is routine. Both kinds of work are due 14 days before the payer's appeal limit runs out.
 * How a line's denied money is counted depends only on how the document states money ({@link ClaimPayment.Basis}).
 */
public final class RemittanceClassifier {

    /** Shortfalls of a service line up to this much are rounding, not underpayment. */
    static final BigDecimal UNDERPAYMENT_TOLERANCE = new BigDecimal("1.00");
    /** A line paid within this much of what was owed on it is paid, whatever reason codes explain the rest. */
    static final BigDecimal PAID_IN_FULL_TOLERANCE = new BigDecimal("0.01");
    /** How long before the appeal limit a denial is due, so the appeal can still be written and sent. */
    static final Duration WORK_BEFORE_APPEAL_LIMIT = Duration.ofDays(14);
    private static final Map<String, String> FHIR_REASONS = Map.of("ar001", "Not covered", "ar002", "Plan limit reached");

    private final AppealDeadlineRule appealRule;

    public RemittanceClassifier(AppealDeadlineRule appealRule) {
        this.appealRule = appealRule;
    }

    public ClaimFinding classify(ClaimPayment claim, CodeSet codes) {
        SourceReference source = claim.status() == ClaimPayment.Status.UNREADABLE ? null
                : new SourceReference(claim.sourceSystem(), claim.externalId());
        switch (claim.status()) {
            case UNREADABLE -> {
                return new ClaimFinding(ClaimFinding.Kind.REJECTED, claim.claimRef(), null, null, claim.note());
            }
            case REVERSED -> {
                return new ClaimFinding(ClaimFinding.Kind.REVERSAL, claim.claimRef(), null, source, claim.note());
            }
            case FORWARDED, PREDETERMINATION, PENDING -> {
                return new ClaimFinding(ClaimFinding.Kind.ROUTINE, claim.claimRef(), null, source, claim.note());
            }
            default -> {
            }
        }
        try {
            return claim.basis() == ClaimPayment.Basis.ADJUSTMENT_AMOUNTS ? byAdjustments(claim, source, codes)
                    : byAdjudication(claim, source, codes);
        } catch (InvalidValueException e) {
            return new ClaimFinding(ClaimFinding.Kind.REJECTED, claim.claimRef(), null, null, e.field() + ": " + e.getMessage());
        }
    }

    /** Money stated per adjustment reason (X12 CAS): each denying reason denies the money it took off. */
    private ClaimFinding byAdjustments(ClaimPayment claim, SourceReference source, CodeSet codes) {
        BigDecimal underpaid = BigDecimal.ZERO;
        BigDecimal allowedTotal = BigDecimal.ZERO;
        for (ServiceLinePayment line : claim.lines()) {
            if (line.allowed() != null) {
                BigDecimal shortfall = line.allowed().subtract(withinAllowed(line.adjustments(), codes)).subtract(line.paid());
                allowedTotal = allowedTotal.add(line.allowed());
                if (shortfall.compareTo(UNDERPAYMENT_TOLERANCE) > 0) {
                    underpaid = underpaid.add(shortfall);
                }
            }
        }
        // Claim-level adjustments that lower the payment within the allowed amount (a deductible, sequestration, a
        // prior payer's payment stated once for the claim) explain the lines' shortfall too.
        underpaid = underpaid.subtract(withinAllowed(claim.adjustments(), codes));
        if (underpaid.compareTo(UNDERPAYMENT_TOLERANCE) <= 0) {
            underpaid = BigDecimal.ZERO;
        }
        BigDecimal denied = BigDecimal.ZERO;
        Set<String> deniedCodes = new LinkedHashSet<>();
        Set<String> allCodes = new LinkedHashSet<>();
        for (Adjustment adjustment : allAdjustments(claim)) {
            String code = adjustment.group() + "-" + adjustment.code();
            allCodes.add(code);
            // A denying code with no money (or a negative amount, undoing an earlier adjustment) denies nothing.
            if (denies(adjustment, codes) && amount(adjustment).signum() > 0) {
                deniedCodes.add(code);
                denied = denied.add(amount(adjustment));
            }
        }
        boolean claimDenied = claim.status() == ClaimPayment.Status.DENIED;
        if (!claimDenied && deniedCodes.isEmpty()) {
            if (underpaid.signum() > 0) {
                return underpayment(claim, source, allowedTotal, underpaid, allCodes);
            }
            return new ClaimFinding(ClaimFinding.Kind.ROUTINE, claim.claimRef(), null, source, "routine adjustments " + allCodes);
        }
        Set<String> named = deniedCodes.isEmpty() ? allCodes : deniedCodes;
        String firstCarc = named.isEmpty() ? null : named.iterator().next().split("-", 2)[1];
        BigDecimal atStake = claimDenied ? claim.billed().subtract(claim.patientResponsibility()) : denied;
        Map<String, Object> attributes = attributes(claim);
        attributes.put("patientResponsibility", claim.patientResponsibility());
        String title = "Denied claim" + payerClaimLabel(claim) + " (" + claim.payerName() + "): "
                + (firstCarc == null ? "claim denied" : String.join(", ", named) + " " + codes.description(firstCarc));
        return denial(claim, source, codes, firstCarc, deniedCodes, allCodes, attributes, title, atStake);
    }

    /**
     * Money stated per adjudication category (FHIR): a line with a denying reason (or marked denied) is denied when the
     * payer left part of what it owed unpaid — the eligible (else the submitted) amount less the patient's share and the
     * benefit; a reason outside any line denies the claim.
     */
    private ClaimFinding byAdjudication(ClaimPayment claim, SourceReference source, CodeSet codes) {
        Set<String> deniedCodes = new LinkedHashSet<>();
        Set<String> allCodes = new LinkedHashSet<>();
        for (Adjustment adjustment : claim.adjustments()) {
            allCodes.add(adjustment.code());
            if (denies(adjustment, codes)) {
                deniedCodes.add(adjustment.code());
            }
        }
        int deniedLines = 0;
        BigDecimal deniedAmount = BigDecimal.ZERO;
        for (ServiceLinePayment line : claim.lines()) {
            Set<String> lineCodes = new LinkedHashSet<>();
            for (Adjustment adjustment : line.adjustments()) {
                allCodes.add(adjustment.code());
                if (denies(adjustment, codes)) {
                    lineCodes.add(adjustment.code());
                }
            }
            BigDecimal owed = line.allowed() != null && line.allowed().signum() > 0 ? line.allowed() : line.submitted();
            BigDecimal unpaid = owed.signum() > 0 ? owed.subtract(line.patientShare()).subtract(line.paid()) : null;
            if ((!lineCodes.isEmpty() || line.markedDenied()) && (unpaid == null || unpaid.compareTo(PAID_IN_FULL_TOLERANCE) > 0)) {
                deniedLines++;
                deniedCodes.addAll(lineCodes);
                deniedAmount = deniedAmount.add(unpaid != null ? unpaid : line.reasonAmount());
            }
        }
        boolean claimDenied = claim.status() == ClaimPayment.Status.DENIED;
        boolean partial = claim.status() == ClaimPayment.Status.PARTIAL;
        if (!claimDenied && deniedLines == 0 && deniedCodes.isEmpty() && !partial) {
            return new ClaimFinding(ClaimFinding.Kind.ROUTINE, claim.claimRef(), null, source, "adjudicated without denial " + allCodes);
        }
        BigDecimal atStake = claimDenied || deniedLines == 0 ? claim.billed().subtract(claim.paid()) : deniedAmount;
        String firstCarc = deniedCodes.isEmpty() ? null : deniedCodes.iterator().next();
        Map<String, Object> attributes = attributes(claim);
        attributes.put("deniedLines", BigDecimal.valueOf(deniedLines));
        String what = claimDenied ? "denied" : deniedLines > 0 ? deniedLines + " of " + claim.lines().size() + " lines denied" : "partially paid";
        String title = "Claim" + payerClaimLabel(claim) + " " + what + " (" + claim.payerName() + ")"
                + (firstCarc == null ? "" : ": " + String.join(", ", deniedCodes) + " " + description(firstCarc, codes));
        return denial(claim, source, codes, firstCarc, deniedCodes, allCodes, attributes, title, atStake);
    }

    private ClaimFinding denial(ClaimPayment claim, SourceReference source, CodeSet codes, String firstCarc, Set<String> deniedCodes,
                                Set<String> allCodes, Map<String, Object> attributes, String title, BigDecimal atStake) {
        if (firstCarc != null) {
            attributes.put("carc", firstCarc);
            attributes.put("carcDescription", description(firstCarc, codes));
        }
        attributes.put("adjustmentCodes", String.join(",", allCodes));
        attributes.put("deniedCodes", String.join(",", deniedCodes));
        if (!claim.remarkCodes().isEmpty()) {
            attributes.put("rarcCodes", String.join(",", claim.remarkCodes()));
        }
        attributes.put("denialCategory", category(firstCarc, codes).name());
        attributes.put("carcTableVersion", codes.version());
        return finding(claim, source, WorkItemType.CLAIM_DENIAL, title, atStake, attributes);
    }

    /**
     * A claim paid below what the payer itself allowed: per service line, the allowed amount less the patient's share and
     * the other reductions within it, less what was paid; lines short by more than the tolerance add up to the amount at
     * stake. The payer's allowed amount is the expected amount; a contract rate table is not used.
     */
    private ClaimFinding underpayment(ClaimPayment claim, SourceReference source, BigDecimal allowed, BigDecimal underpaid,
                                      Set<String> codes) {
        Map<String, Object> attributes = attributes(claim);
        attributes.put("allowedAmount", allowed);
        attributes.put("underpaidAmount", underpaid);
        attributes.put("adjustmentCodes", String.join(",", codes));
        String title = "Underpaid claim" + payerClaimLabel(claim) + " (" + claim.payerName() + "): "
                + underpaid.setScale(2, RoundingMode.HALF_UP) + " below the allowed amount";
        return finding(claim, source, WorkItemType.UNDERPAYMENT, title, underpaid, attributes);
    }

    private ClaimFinding finding(ClaimPayment claim, SourceReference source, WorkItemType type, String title, BigDecimal atStake,
                                 Map<String, Object> attributes) {
        int appealDays = appealRule.days(claim.payerId(), claim.payerName(), claim.filingIndicator());
        Instant appealDeadline = AppealDeadlineRule.deadline(claim.remitDate(), appealDays);
        attributes.put("serviceLines", BigDecimal.valueOf(claim.lines().size()));
        attributes.put("remitDate", claim.remitDate().toString());
        attributes.put("appealLimitDays", BigDecimal.valueOf(appealDays));
        Money money = new Money(atStake.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP), claim.currency() == null ? "USD" : claim.currency());
        WorkItemContent content = new WorkItemContent(type, source, title.length() > 300 ? title.substring(0, 300) : title, money,
                appealDeadline.minus(WORK_BEFORE_APPEAL_LIMIT), appealDeadline, Attributes.of(attributes), null);
        return new ClaimFinding(ClaimFinding.Kind.DENIAL, claim.claimRef(), content, null, null);
    }

    /** What every claim item says of its claim: what the document said of it, then its billed and paid amounts. */
    private static Map<String, Object> attributes(ClaimPayment claim) {
        Map<String, Object> attributes = new LinkedHashMap<>(claim.attributes());
        attributes.putIfAbsent("payer", claim.payerName());
        attributes.putIfAbsent("payerId", claim.payerId());
        attributes.put("billedAmount", claim.billed());
        attributes.put("paidAmount", claim.paid());
        return attributes;
    }

    private static boolean denies(Adjustment adjustment, CodeSet codes) {
        return switch (adjustment.system()) {
            case CARC -> codes.isDenial(adjustment.group(), adjustment.code());
            case FHIR_ADJUDICATION_REASON -> true;
            case OTHER -> false;
        };
    }

    private static List<Adjustment> allAdjustments(ClaimPayment claim) {
        List<Adjustment> all = new java.util.ArrayList<>(claim.adjustments());
        claim.lines().forEach(line -> all.addAll(line.adjustments()));
        return all;
    }

    private static BigDecimal withinAllowed(List<Adjustment> adjustments, CodeSet codes) {
        return adjustments.stream().filter(a -> codes.reducesPaymentWithinAllowed(a.group(), a.code()))
                .map(RemittanceClassifier::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal amount(Adjustment adjustment) {
        return adjustment.amount() == null ? BigDecimal.ZERO : adjustment.amount();
    }

    /** A denial's category: its first code's, {@code OTHER} for a claim denied without a denying code. */
    private static CarcCategory category(String code, CodeSet codes) {
        if (code == null) {
            return CarcCategory.OTHER;
        }
        if (code.equals("ar001")) {
            return CarcCategory.NON_COVERED;
        }
        if (code.equals("ar002")) {
            return CarcCategory.BENEFIT_LIMIT;
        }
        CarcCategory category = codes.category(code);
        return category.routine() ? CarcCategory.OTHER : category;
    }

    private static String description(String code, CodeSet codes) {
        return FHIR_REASONS.getOrDefault(code, codes.description(code));
    }

    /** The payer's claim number for a title (the payer's, never the patient control number); empty without one. */
    private static String payerClaimLabel(ClaimPayment claim) {
        return claim.payerClaimNumber() == null || claim.payerClaimNumber().isBlank() ? "" : " " + claim.payerClaimNumber();
    }
}
