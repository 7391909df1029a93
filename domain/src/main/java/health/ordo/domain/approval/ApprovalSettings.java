package health.ordo.domain.approval;

import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * A tenant's maker-checker rules: which kinds of action need a second person, and from which amount a write-off does.
 *
 * @param writeOffThreshold write-offs of more than this amount need approval; null: write-offs never do
 * @param required          the other kinds that always need approval
 */
public record ApprovalSettings(TenantId tenant, Money writeOffThreshold, Set<ApprovalKind> required) {

    /** The resolution codes that write an amount off (rather than recovering or releasing it). */
    public static final Set<String> WRITE_OFF_CODES = Set.of("WRITE_OFF", "WRITTEN_OFF", "ADJUSTED_OFF");

    public ApprovalSettings {
        InvalidValueException.require(tenant != null, "tenant", "tenant is required");
        InvalidValueException.require(writeOffThreshold == null || writeOffThreshold.value().signum() >= 0,
                "writeOffThreshold", "writeOffThreshold must not be negative");
        required = required == null || required.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(required));
        InvalidValueException.require(!required.contains(ApprovalKind.WRITE_OFF), "required",
                "write-offs are governed by writeOffThreshold");
        InvalidValueException.require(!required.contains(ApprovalKind.APPROVAL_RULES_CHANGE), "required",
                "loosening the rules always needs approval while any rule is on");
        InvalidValueException.require(!required.contains(ApprovalKind.INTAKE_MODEL_ACTIVATION), "required",
                "a document-classifier version always needs approval to go live");
    }

    public static ApprovalSettings none(TenantId tenant) {
        return new ApprovalSettings(tenant, null, Set.of());
    }

    /** Whether any action needs a second person under these rules. */
    public boolean any() {
        return writeOffThreshold != null || !required.isEmpty();
    }

    /** Whether {@code proposed} lets through something these rules hold: a kind dropped, or a higher or removed threshold. */
    public boolean loosenedBy(ApprovalSettings proposed) {
        if (!proposed.required.containsAll(required)) {
            return true;
        }
        if (writeOffThreshold == null) {
            return false;
        }
        return proposed.writeOffThreshold == null || !proposed.writeOffThreshold.currency().equals(writeOffThreshold.currency())
                || proposed.writeOffThreshold.value().compareTo(writeOffThreshold.value()) > 0;
    }

    public boolean requires(ApprovalKind kind) {
        return required.contains(kind);
    }

    /** Whether completing with this resolution code, on an item of this amount, is a write-off that needs approval. */
    public boolean requiresWriteOffApproval(String resolutionCode, Money amount) {
        if (writeOffThreshold == null || resolutionCode == null || !WRITE_OFF_CODES.contains(resolutionCode)) {
            return false;
        }
        if (amount != null && !amount.currency().equals(writeOffThreshold.currency())) {
            return true;
        }
        BigDecimal value = amount == null ? BigDecimal.ZERO : amount.value();
        return value.compareTo(writeOffThreshold.value()) > 0;
    }
}
