package health.ordo.spi.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One claim as a payer's document states its adjudication, in no format's terms.
 *
 * @param claimRef        the claim as the document names it, for the report (CLP01, the ClaimResponse id); never a key
 * @param sourceSystem    the format the claim came in, e.g. {@code x12-835}
 * @param externalId      the claim's key at the payer: a re-delivery of the same claim has the same key
 * @param status          how the payer adjudicated the claim as a whole
 * @param basis           how the document states money: per adjustment reason, or per adjudication category
 * @param payerName       the payer as people name it
 * @param payerId         the payer's id (appeal rules are kept by it), or its name without one
 * @param payerClaimNumber the payer's own claim number for titles, or null (never the patient's account number)
 * @param billed          the claim's charge
 * @param paid            what the payer paid
 * @param patientResponsibility what the payer put on the patient for the whole claim, or zero
 * @param currency        ISO 4217 code of the amounts
 * @param filingIndicator the claim filing indicator (X12 CLP06: MA, MB for Medicare), or null
 * @param remitDate       the day of the remittance, from which appeal limits count
 * @param adjustments     reasons stated for the claim as a whole
 * @param lines           the service lines
 * @param remarkCodes     remittance advice remark codes (RARC) of the claim and its lines
 * @param attributes      what else the document says of the claim that people working it need (format-specific,
 *                        flat scalars: the trace number, the patient control number, a FHIR reference)
 * @param note            why the claim could not be read, for {@link Status#UNREADABLE}; what the payer said otherwise
 */
public record ClaimPayment(String claimRef, String sourceSystem, String externalId, Status status, Basis basis, String payerName,
                           String payerId, String payerClaimNumber, BigDecimal billed, BigDecimal paid,
                           BigDecimal patientResponsibility, String currency, String filingIndicator, LocalDate remitDate,
                           List<Adjustment> adjustments, List<ServiceLinePayment> lines, List<String> remarkCodes,
                           Map<String, Object> attributes, String note) {

    /** How the payer adjudicated the claim as a whole. */
    public enum Status {
        /** Adjudicated and paid in whole or part; its adjustments tell what else happened. */
        PROCESSED,
        /** Denied as a whole (X12 CLP02 = 4, FHIR outcome error). */
        DENIED,
        /** Adjudicated in part only (FHIR outcome partial). */
        PARTIAL,
        /** The payer reversed an earlier adjudication of the claim (X12 CLP02 = 22, a cancelled ClaimResponse). */
        REVERSED,
        /** Not this payer's claim: forwarded to another payer (X12 CLP02 = 23). */
        FORWARDED,
        /** Priced for a predetermination only, nothing paid (X12 CLP02 = 25). */
        PREDETERMINATION,
        /** Not adjudicated yet (FHIR outcome queued). */
        PENDING,
        /** The claim could not be read; {@code note} says why. */
        UNREADABLE
    }

    /** How a document states money. */
    public enum Basis {
        /** Each adjustment reason carries the amount it took off (X12 CAS). */
        ADJUSTMENT_AMOUNTS,
        /** Amounts belong to adjudication categories (submitted, eligible, benefit); reasons explain them (FHIR). */
        ADJUDICATED_AMOUNTS
    }

    public ClaimPayment {
        Objects.requireNonNull(claimRef, "claimRef");
        Objects.requireNonNull(status, "status");
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
        lines = lines == null ? List.of() : List.copyOf(lines);
        remarkCodes = remarkCodes == null ? List.of() : List.copyOf(remarkCodes);
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        billed = billed == null ? BigDecimal.ZERO : billed;
        paid = paid == null ? BigDecimal.ZERO : paid;
        patientResponsibility = patientResponsibility == null ? BigDecimal.ZERO : patientResponsibility;
    }

    /** A claim that could not be read, reported with the reason. */
    public static ClaimPayment unreadable(String claimRef, String reason) {
        return new ClaimPayment(claimRef, null, null, Status.UNREADABLE, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, reason);
    }
}
