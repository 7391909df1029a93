package health.ordo.adapter.claims.fhir;

import health.ordo.adapter.claims.ClaimKeys;
import health.ordo.adapter.claims.ClaimFinding;
import health.ordo.adapter.claims.codes.AppealDeadlineRule;
import health.ordo.adapter.claims.codes.CarcTable;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.Money;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a FHIR R4 {@code ClaimResponse} to what it means for the back office: a claim denied as a whole ({@code outcome =
 * error}), claim lines denied through adjudication reasons (CARC codes, or the R4 example adjudication-reason codes), a
 * partial adjudication that left money unpaid, a cancelled response that reverses an earlier one, or a routine
 * adjudication that creates nothing. Denials carry the same attributes as X12 835 denials, so one priority policy and one
 * SLA policy serve both.
 */
final class ClaimResponseMapper {

    static final String SOURCE_SYSTEM = "fhir-claimresponse";
    static final String CARC_SYSTEM = "https://x12.org/codes/claim-adjustment-reason-codes";
    static final String RARC_SYSTEM = "https://x12.org/codes/remittance-advice-remark-codes";
    static final String R4_REASON_SYSTEM = "http://terminology.hl7.org/CodeSystem/adjudication-reason";
    /** A line paid within this much of what was owed on it is paid, whatever reason codes explain the rest. */
    static final BigDecimal PAID_IN_FULL_TOLERANCE = new BigDecimal("0.01");

    /** A required element is missing or unusable. */
    static final class Unmappable extends RuntimeException {
        final String expression;

        Unmappable(String expression, String message) {
            super(message);
            this.expression = expression;
        }
    }

    private final AppealDeadlineRule appealRule;

    ClaimResponseMapper(AppealDeadlineRule appealRule) {
        this.appealRule = appealRule;
    }

    /** The key a re-delivery of the same response maps to: payer, then the response's identifier (or the claim's, or its id). */
    static String externalId(ClaimResponse response) {
        return payerIdentity(response) + ":" + claimKey(response);
    }

    /** @throws Unmappable naming the element at fault */
    ClaimFinding map(ClaimResponse response) {
        require(response.getStatus() != null, "ClaimResponse.status", "status is required");
        require(response.getOutcome() != null, "ClaimResponse.outcome", "outcome is required (queued | complete | error | partial)");
        require(response.getCreated() != null, "ClaimResponse.created", "created is required");
        require(!response.getInsurer().isEmpty(), "ClaimResponse.insurer", "insurer is required");
        require(!response.getPatient().isEmpty(), "ClaimResponse.patient", "patient is required");
        String claimKey = claimKey(response);
        SourceReference source = new SourceReference(SOURCE_SYSTEM, externalId(response));
        if (response.getStatus() == ClaimResponse.ClaimResponseStatus.CANCELLED
                || response.getStatus() == ClaimResponse.ClaimResponseStatus.ENTEREDINERROR) {
            return new ClaimFinding(ClaimFinding.Kind.REVERSAL, claimKey, null, source, "response " + response.getStatus().toCode());
        }
        if (response.getOutcome() == ClaimResponse.RemittanceOutcome.QUEUED) {
            return new ClaimFinding(ClaimFinding.Kind.ROUTINE, claimKey, null, source, "adjudication still queued");
        }
        Findings findings = new Findings();
        response.getAdjudication().forEach(a -> findings.read(a, null));
        int lines = 0;
        int deniedLines = 0;
        BigDecimal billedLines = BigDecimal.ZERO;
        BigDecimal paidLines = BigDecimal.ZERO;
        BigDecimal deniedAmount = BigDecimal.ZERO;
        List<Line> all = new ArrayList<>();
        response.getItem().forEach(item -> {
            Line line = new Line();
            item.getAdjudication().forEach(a -> findings.read(a, line));
            item.getDetail().forEach(d -> {
                d.getAdjudication().forEach(a -> findings.read(a, line));
                d.getSubDetail().forEach(s -> s.getAdjudication().forEach(a -> findings.read(a, line)));
            });
            all.add(line);
        });
        response.getAddItem().forEach(item -> {
            Line line = new Line();
            item.getAdjudication().forEach(a -> findings.read(a, line));
            all.add(line);
        });
        for (Line line : all) {
            lines++;
            billedLines = billedLines.add(line.submitted);
            paidLines = paidLines.add(line.benefit);
            if (line.denied()) {
                deniedLines++;
                findings.deniedCodes.addAll(line.codes);
                BigDecimal unpaid = line.unpaid();
                deniedAmount = deniedAmount.add(unpaid != null ? unpaid : line.reasonAmount);
            }
        }
        response.getError().forEach(error -> findings.reason(error.getCode(), null, null));
        BigDecimal billed = total(response, "submitted", billedLines);
        BigDecimal paid = total(response, "benefit", response.getPayment().hasAmount()
                ? response.getPayment().getAmount().getValue() : paidLines);
        boolean claimDenied = response.getOutcome() == ClaimResponse.RemittanceOutcome.ERROR;
        boolean partial = response.getOutcome() == ClaimResponse.RemittanceOutcome.PARTIAL;
        if (!claimDenied && deniedLines == 0 && findings.deniedCodes.isEmpty() && !partial) {
            return new ClaimFinding(ClaimFinding.Kind.ROUTINE, claimKey, null, source, "adjudicated without denial " + findings.allCodes);
        }
        BigDecimal atStake = claimDenied || deniedLines == 0 ? billed.subtract(paid) : deniedAmount;
        atStake = atStake.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        String firstCarc = findings.deniedCodes.isEmpty() ? null : findings.deniedCodes.iterator().next();
        CarcTable.Category category = firstCarc == null ? CarcTable.Category.OTHER : findings.category(firstCarc);
        String payerName = response.getInsurer().hasDisplay() ? response.getInsurer().getDisplay() : payerKey(response);
        String payerId = payerKey(response);
        LocalDate remitDate = (response.getPayment().hasDate() ? response.getPayment().getDate() : response.getCreated())
                .toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        int appealDays = appealRule.days(payerId, payerName, null);
        Instant appealDeadline = AppealDeadlineRule.deadline(remitDate, appealDays);

        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("payer", payerName);
        attributes.put("payerId", payerId);
        attributes.put("claimResponse", "ClaimResponse/" + (response.getIdElement().hasIdPart() ? response.getIdElement().getIdPart() : claimKey));
        attributes.put("claimKey", claimKey);
        if (response.getRequest().hasReference()) {
            attributes.put("claimReference", response.getRequest().getReference());
        }
        if (response.getPatient().hasReference()) {
            attributes.put("patientReference", response.getPatient().getReference());
        }
        attributes.put("outcome", response.getOutcome().toCode());
        if (response.hasDisposition()) {
            attributes.put("disposition", response.getDisposition().length() > 200 ? response.getDisposition().substring(0, 200) : response.getDisposition());
        }
        attributes.put("billedAmount", billed);
        attributes.put("paidAmount", paid);
        if (firstCarc != null) {
            attributes.put("carc", firstCarc);
            attributes.put("carcDescription", findings.description(firstCarc));
        }
        attributes.put("deniedCodes", String.join(",", findings.deniedCodes));
        attributes.put("adjustmentCodes", String.join(",", findings.allCodes));
        if (!findings.rarcs.isEmpty()) {
            attributes.put("rarcCodes", String.join(",", findings.rarcs));
        }
        attributes.put("denialCategory", category.name());
        attributes.put("carcTableVersion", CarcTable.VERSION);
        attributes.put("serviceLines", BigDecimal.valueOf(lines));
        attributes.put("deniedLines", BigDecimal.valueOf(deniedLines));
        attributes.put("remitDate", remitDate.toString());
        attributes.put("appealLimitDays", BigDecimal.valueOf(appealDays));
        if (response.hasPreAuthRef()) {
            attributes.put("preAuthRef", response.getPreAuthRef());
        }
        String what = claimDenied ? "denied" : deniedLines > 0 ? deniedLines + " of " + lines + " lines denied" : "partially paid";
        // the payer's own number only: the provider's claim number identifies the patient's account
        String payerNumber = response.hasIdentifier() && response.getIdentifierFirstRep().hasValue()
                ? " " + response.getIdentifierFirstRep().getValue() : "";
        String title = "Claim" + payerNumber + " " + what + " (" + payerName + ")"
                + (firstCarc == null ? "" : ": " + String.join(", ", findings.deniedCodes) + " " + findings.description(firstCarc));
        String currency = findings.currency == null ? "USD" : findings.currency;
        Money money;
        try {
            money = new Money(atStake, currency);
        } catch (InvalidValueException e) {
            throw new Unmappable("ClaimResponse.item.adjudication.amount", e.getMessage());
        }
        WorkItemContent content = new WorkItemContent(WorkItemType.CLAIM_DENIAL, source,
                title.length() > 300 ? title.substring(0, 300) : title, money,
                appealDeadline.minusSeconds(14L * 86_400), appealDeadline, Attributes.of(attributes), null);
        return new ClaimFinding(ClaimFinding.Kind.DENIAL, claimKey, content, null, null);
    }

    private static void require(boolean condition, String expression, String message) {
        if (!condition) {
            throw new Unmappable(expression, message);
        }
    }

    /** The payer as people and appeal rules name it: an identifier's value, a reference's id, an organization's name. */
    private static String payerKey(ClaimResponse response) {
        return payer(response, false);
    }

    /**
     * The payer as the identity of its responses: an identifier qualified by its system, a contained organization by
     * its identifier or name, any other reference by its whole address, so that two payers never share a key.
     */
    private static String payerIdentity(ClaimResponse response) {
        return payer(response, true);
    }

    private static String payer(ClaimResponse response, boolean qualified) {
        Reference insurer = response.getInsurer();
        if (insurer.hasIdentifier() && insurer.getIdentifier().hasValue()) {
            return identifier(insurer.getIdentifier(), qualified);
        }
        if (insurer.hasReference() && insurer.getReference().startsWith("#")) {
            Organization contained = response.getContained().stream().filter(Organization.class::isInstance).map(Organization.class::cast)
                    .filter(o -> o.getIdElement().getIdPart() != null
                            && insurer.getReference().substring(1).equals(o.getIdElement().getIdPart().replaceFirst("^#", ""))).findFirst()
                    .orElseThrow(() -> new Unmappable("ClaimResponse.insurer", "insurer refers to " + insurer.getReference()
                            + ", which the response does not contain as an Organization"));
            Identifier identifier = contained.getIdentifier().stream().filter(Identifier::hasValue).findFirst().orElse(null);
            if (identifier != null) {
                return identifier(identifier, qualified);
            }
            if (contained.hasName()) {
                return contained.getName();
            }
            throw new Unmappable("ClaimResponse.contained", "the contained insurer " + insurer.getReference() + " needs an identifier or a name");
        }
        if (insurer.hasReference()) {
            return qualified ? insurer.getReferenceElement().toVersionless().getValue() : insurer.getReferenceElement().getIdPart();
        }
        if (insurer.hasDisplay()) {
            return insurer.getDisplay();
        }
        throw new Unmappable("ClaimResponse.insurer", "insurer needs an identifier, a reference or a display");
    }

    private static String identifier(Identifier identifier, boolean qualified) {
        return qualified && identifier.hasSystem() ? identifier.getSystem() + "|" + identifier.getValue() : identifier.getValue();
    }

    private static String claimKey(ClaimResponse response) {
        if (response.hasIdentifier() && response.getIdentifierFirstRep().hasValue()) {
            return response.getIdentifierFirstRep().getValue();
        }
        if (response.getRequest().hasIdentifier() && response.getRequest().getIdentifier().hasValue()) {
            // the provider's claim number (in practice the patient control number): kept out of ids in clear
            return ClaimKeys.opaque(payerIdentity(response), response.getRequest().getIdentifier().getValue());
        }
        if (response.getIdElement().hasIdPart()) {
            return response.getIdElement().getIdPart();
        }
        throw new Unmappable("ClaimResponse.identifier", "an identifier, the request's identifier or an id is needed to recognize a re-delivery");
    }

    private static BigDecimal total(ClaimResponse response, String category, BigDecimal fallback) {
        for (ClaimResponse.TotalComponent total : response.getTotal()) {
            if (hasCode(total.getCategory(), category) && total.getAmount().hasValue()) {
                return total.getAmount().getValue();
            }
        }
        return fallback == null ? BigDecimal.ZERO : fallback;
    }

    private static boolean hasCode(CodeableConcept concept, String code) {
        return concept.getCoding().stream().anyMatch(c -> code.equals(c.getCode()));
    }

    /**
     * One service line's money and the denial codes of its adjudications. It is denied when one of them denies and the
     * payer left part of what it owed unpaid: the eligible (else the submitted) amount less the patient's share
     * (copay, deductible) and the benefit. A line paid in full stays paid whatever codes explain it.
     */
    private static final class Line {
        BigDecimal submitted = BigDecimal.ZERO;
        BigDecimal eligible = BigDecimal.ZERO;
        BigDecimal patientShare = BigDecimal.ZERO;
        BigDecimal benefit = BigDecimal.ZERO;
        BigDecimal reasonAmount = BigDecimal.ZERO;
        final Set<String> codes = new LinkedHashSet<>();
        boolean deniedByCategory;

        boolean denied() {
            BigDecimal unpaid = unpaid();
            return (!codes.isEmpty() || deniedByCategory) && (unpaid == null || unpaid.compareTo(PAID_IN_FULL_TOLERANCE) > 0);
        }

        /** What the payer left unpaid, or null when the line states neither an eligible nor a submitted amount. */
        BigDecimal unpaid() {
            BigDecimal owed = eligible.signum() > 0 ? eligible : submitted;
            return owed.signum() > 0 ? owed.subtract(patientShare).subtract(benefit) : null;
        }
    }

    /** Codes found across the response. */
    private static final class Findings {
        final Set<String> deniedCodes = new LinkedHashSet<>();
        final Set<String> allCodes = new LinkedHashSet<>();
        final Set<String> rarcs = new LinkedHashSet<>();
        String currency;

        void read(ClaimResponse.AdjudicationComponent adjudication, Line line) {
            BigDecimal amount = adjudication.getAmount().hasValue() ? adjudication.getAmount().getValue() : BigDecimal.ZERO;
            if (adjudication.getAmount().hasCurrency() && currency == null) {
                currency = adjudication.getAmount().getCurrency();
            }
            if (line != null && hasCode(adjudication.getCategory(), "submitted")) {
                line.submitted = line.submitted.add(amount);
            }
            if (line != null && hasCode(adjudication.getCategory(), "benefit")) {
                line.benefit = line.benefit.add(amount);
            }
            if (line != null && hasCode(adjudication.getCategory(), "eligible")) {
                line.eligible = line.eligible.add(amount);
            }
            if (line != null && (hasCode(adjudication.getCategory(), "copay") || hasCode(adjudication.getCategory(), "deductible"))) {
                line.patientShare = line.patientShare.add(amount);
            }
            reason(adjudication.getReason(), line, amount);
            if (line != null && (hasCode(adjudication.getCategory(), "denialreason") || hasCode(adjudication.getCategory(), "denied"))) {
                line.deniedByCategory = true;
            }
        }

        /**
         * Records the reason's codes. A denying code of a line is kept with the line (it denies only if the line went
         * unpaid); one outside any line (the response's own adjudications, its errors) denies the claim.
         */
        void reason(CodeableConcept reason, Line line, BigDecimal amount) {
            for (Coding coding : reason.getCoding()) {
                String code = coding.getCode();
                if (code == null || code.isBlank()) {
                    continue;
                }
                String system = coding.getSystem() == null ? "" : coding.getSystem();
                if (system.equals(RARC_SYSTEM) || (system.isEmpty() && code.matches("(M|MA|N)\\d+"))) {
                    rarcs.add(code);
                    continue;
                }
                allCodes.add(code);
                // A payer's own code system says nothing Ordo can read as a denial; CARCs (with or without their
                // system) and the R4 adjudication-reason codes do.
                boolean carc = system.isEmpty() || system.equals(CARC_SYSTEM);
                boolean denies = system.equals(R4_REASON_SYSTEM) || carc && !CarcTable.isRoutine(code);
                if (denies && line == null) {
                    deniedCodes.add(code);
                } else if (denies) {
                    line.codes.add(code);
                    if (amount != null) {
                        line.reasonAmount = line.reasonAmount.add(amount);
                    }
                }
            }
        }

        CarcTable.Category category(String code) {
            return switch (code) {
                case "ar001" -> CarcTable.Category.NON_COVERED;
                case "ar002" -> CarcTable.Category.OTHER;
                default -> CarcTable.category(code);
            };
        }

        String description(String code) {
            return switch (code) {
                case "ar001" -> "Not covered";
                case "ar002" -> "Plan limit reached";
                default -> CarcTable.description(code);
            };
        }
    }
}
