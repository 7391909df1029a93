package health.ordo.application.port.in.priority;

import health.ordo.domain.shared.InvalidValueException;

import java.math.BigDecimal;
import java.util.List;

/**
 * A tenant's prioritization settings.
 *
 * @param overrideReasonCodes     the reason codes a priority override may give
 * @param approvalThresholdPoints an override moving an item by more points than this needs a second approval
 */
public record PrioritySettings(List<String> overrideReasonCodes, BigDecimal approvalThresholdPoints) {

    public static final PrioritySettings DEFAULTS = new PrioritySettings(List.of("PAYER_ESCALATION",
            "EXECUTIVE_REQUEST", "PATIENT_IMPACT", "SUPPLIER_RELATIONSHIP", "DUPLICATE_SUSPECTED", "DATA_ERROR"),
            BigDecimal.valueOf(30));

    public PrioritySettings {
        InvalidValueException.require(overrideReasonCodes != null && !overrideReasonCodes.isEmpty(),
                "overrideReasonCodes", "at least one reason code is required");
        InvalidValueException.require(overrideReasonCodes.stream().allMatch(c -> c != null && c.matches("[A-Z0-9_]{1,64}")),
                "overrideReasonCodes", "reason codes are 1-64 upper-case letters, digits or underscores");
        InvalidValueException.require(approvalThresholdPoints != null && approvalThresholdPoints.signum() >= 0
                && approvalThresholdPoints.compareTo(BigDecimal.valueOf(100)) <= 0, "approvalThresholdPoints",
                "approvalThresholdPoints lies between 0 and 100");
        overrideReasonCodes = List.copyOf(overrideReasonCodes);
    }
}
