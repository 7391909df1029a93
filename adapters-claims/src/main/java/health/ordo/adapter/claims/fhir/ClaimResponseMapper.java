package health.ordo.adapter.claims.fhir;

import health.ordo.adapter.claims.ClaimKeys;
import health.ordo.spi.claims.Adjustment;
import health.ordo.spi.claims.ClaimPayment;
import health.ordo.spi.claims.ServiceLinePayment;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a FHIR R4 {@code ClaimResponse} into the neutral payment model: its outcome (error is a claim denied as a whole,
 * partial an adjudication left unfinished, queued not adjudicated yet), a cancelled or entered-in-error response as the
 * reversal of an earlier one, and per item (and its details and added items) the submitted, eligible, patient's share
 * and benefit amounts with their adjudication reasons (CARC codes, RARC remarks, the R4 example adjudication-reason codes,
 * a payer's own codes). What that means for the back office is for the claims rules to say, as for an X12 835.
 */
final class ClaimResponseMapper {

    static final String SOURCE_SYSTEM = "fhir-claimresponse";
    static final String CARC_SYSTEM = "https://x12.org/codes/claim-adjustment-reason-codes";
    static final String RARC_SYSTEM = "https://x12.org/codes/remittance-advice-remark-codes";
    static final String R4_REASON_SYSTEM = "http://terminology.hl7.org/CodeSystem/adjudication-reason";

    /** A required element is missing or unusable. */
    static final class Unmappable extends RuntimeException {
        final String expression;

        Unmappable(String expression, String message) {
            super(message);
            this.expression = expression;
        }
    }

    /** The key a re-delivery of the same response maps to: payer, then the response's identifier (or the claim's, or its id). */
    static String externalId(ClaimResponse response) {
        return payerIdentity(response) + ":" + claimKey(response);
    }

    /** @throws Unmappable naming the element at fault */
    ClaimPayment map(ClaimResponse response) {
        require(response.getStatus() != null, "ClaimResponse.status", "status is required");
        require(response.getOutcome() != null, "ClaimResponse.outcome", "outcome is required (queued | complete | error | partial)");
        require(response.getCreated() != null, "ClaimResponse.created", "created is required");
        require(!response.getInsurer().isEmpty(), "ClaimResponse.insurer", "insurer is required");
        require(!response.getPatient().isEmpty(), "ClaimResponse.patient", "patient is required");
        String claimKey = claimKey(response);
        Reasons claimReasons = new Reasons();
        response.getAdjudication().forEach(a -> claimReasons.read(a, null));
        response.getError().forEach(error -> claimReasons.reason(error.getCode(), null, null));
        List<Line> all = new ArrayList<>();
        response.getItem().forEach(item -> {
            Line line = new Line();
            item.getAdjudication().forEach(a -> claimReasons.read(a, line));
            item.getDetail().forEach(d -> {
                d.getAdjudication().forEach(a -> claimReasons.read(a, line));
                d.getSubDetail().forEach(sd -> sd.getAdjudication().forEach(a -> claimReasons.read(a, line)));
            });
            all.add(line);
        });
        response.getAddItem().forEach(item -> {
            Line line = new Line();
            item.getAdjudication().forEach(a -> claimReasons.read(a, line));
            all.add(line);
        });
        BigDecimal billedLines = BigDecimal.ZERO;
        BigDecimal paidLines = BigDecimal.ZERO;
        List<ServiceLinePayment> lines = new ArrayList<>();
        for (Line line : all) {
            billedLines = billedLines.add(line.submitted);
            paidLines = paidLines.add(line.benefit);
            lines.add(new ServiceLinePayment(line.submitted, line.eligible, line.patientShare, line.benefit, line.reasons,
                    line.deniedByCategory, line.reasonAmount));
        }
        BigDecimal billed = total(response, "submitted", billedLines);
        BigDecimal paid = total(response, "benefit", response.getPayment().hasAmount()
                ? response.getPayment().getAmount().getValue() : paidLines);
        String payerName = response.getInsurer().hasDisplay() ? response.getInsurer().getDisplay() : payerKey(response);
        LocalDate remitDate = (response.getPayment().hasDate() ? response.getPayment().getDate() : response.getCreated())
                .toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        String currency = claimReasons.currency == null ? "USD" : claimReasons.currency;
        try {
            java.util.Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new Unmappable("ClaimResponse.item.adjudication.amount", "currency '" + currency + "' is not an ISO 4217 code");
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("payer", payerName);
        attributes.put("payerId", payerKey(response));
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
        if (response.hasPreAuthRef()) {
            attributes.put("preAuthRef", response.getPreAuthRef());
        }
        // the payer's own number only: the provider's claim number identifies the patient's account
        String payerNumber = response.hasIdentifier() && response.getIdentifierFirstRep().hasValue()
                ? response.getIdentifierFirstRep().getValue() : null;
        ClaimPayment.Status status = status(response);
        String note = switch (status) {
            case REVERSED -> "ClaimResponse " + (response.getIdElement().hasIdPart() ? response.getIdElement().getIdPart() + " " : "")
                    + response.getStatus().toCode();
            case PENDING -> "adjudication still queued";
            default -> null;
        };
        return new ClaimPayment(claimKey, SOURCE_SYSTEM, externalId(response), status, ClaimPayment.Basis.ADJUDICATED_AMOUNTS, payerName,
                payerKey(response), payerNumber, billed, paid, BigDecimal.ZERO, currency, null, remitDate, claimReasons.claimLevel,
                lines, List.copyOf(claimReasons.rarcs), attributes, note);
    }

    private static ClaimPayment.Status status(ClaimResponse response) {
        if (response.getStatus() == ClaimResponse.ClaimResponseStatus.CANCELLED
                || response.getStatus() == ClaimResponse.ClaimResponseStatus.ENTEREDINERROR) {
            return ClaimPayment.Status.REVERSED;
        }
        return switch (response.getOutcome()) {
            case QUEUED -> ClaimPayment.Status.PENDING;
            case ERROR -> ClaimPayment.Status.DENIED;
            case PARTIAL -> ClaimPayment.Status.PARTIAL;
            default -> ClaimPayment.Status.PROCESSED;
        };
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

    /** One service line's money and the reasons of its adjudications. */
    private static final class Line {
        BigDecimal submitted = BigDecimal.ZERO;
        BigDecimal eligible;
        BigDecimal patientShare = BigDecimal.ZERO;
        BigDecimal benefit = BigDecimal.ZERO;
        BigDecimal reasonAmount = BigDecimal.ZERO;
        final List<Adjustment> reasons = new ArrayList<>();
        boolean deniedByCategory;
    }

    /** The reasons found across the response: those outside any line, the remarks, the currency. */
    private static final class Reasons {
        final List<Adjustment> claimLevel = new ArrayList<>();
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
                line.eligible = line.eligible == null ? amount : line.eligible.add(amount);
            }
            if (line != null && (hasCode(adjudication.getCategory(), "copay") || hasCode(adjudication.getCategory(), "deductible"))) {
                line.patientShare = line.patientShare.add(amount);
            }
            reason(adjudication.getReason(), line, amount);
            if (line != null && (hasCode(adjudication.getCategory(), "denialreason") || hasCode(adjudication.getCategory(), "denied"))) {
                line.deniedByCategory = true;
            }
        }

        /** Records the reason's codes with the line they explain, or with the claim when outside any line. */
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
                Adjustment.CodeSystem codes = system.equals(R4_REASON_SYSTEM) ? Adjustment.CodeSystem.FHIR_ADJUDICATION_REASON
                        : system.isEmpty() || system.equals(CARC_SYSTEM) ? Adjustment.CodeSystem.CARC : Adjustment.CodeSystem.OTHER;
                Adjustment adjustment = new Adjustment(null, code, codes, null);
                if (line == null) {
                    claimLevel.add(adjustment);
                } else {
                    line.reasons.add(adjustment);
                    if (amount != null && codes != Adjustment.CodeSystem.OTHER) {
                        line.reasonAmount = line.reasonAmount.add(amount);
                    }
                }
            }
        }
    }
}
