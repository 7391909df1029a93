package health.ordo.spi.claims;

import java.math.BigDecimal;
import java.util.List;

/**
 * What was billed, allowed and paid for one service line, and why.
 *
 * @param submitted    the line's charge, or zero when not stated
 * @param allowed      what the payer allowed for the line (X12 AMT*B6, FHIR eligible), or null when not stated
 * @param patientShare what the payer put on the patient for the line when the format states it outside its adjustments
 *                     (FHIR copay and deductible), else zero
 * @param paid         what the payer paid for the line
 * @param adjustments  the line's reasons
 * @param markedDenied whether the payer marked the line denied in so many words (a FHIR "denied" adjudication)
 * @param reasonAmount the amounts the payer stated next to the line's reasons when it states no adjustment amounts
 *                     (FHIR), else zero
 */
public record ServiceLinePayment(BigDecimal submitted, BigDecimal allowed, BigDecimal patientShare, BigDecimal paid,
                                 List<Adjustment> adjustments, boolean markedDenied, BigDecimal reasonAmount) {

    public ServiceLinePayment {
        submitted = submitted == null ? BigDecimal.ZERO : submitted;
        patientShare = patientShare == null ? BigDecimal.ZERO : patientShare;
        paid = paid == null ? BigDecimal.ZERO : paid;
        reasonAmount = reasonAmount == null ? BigDecimal.ZERO : reasonAmount;
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
    }
}
