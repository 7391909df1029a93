package health.ordo.domain.score;

import health.ordo.domain.shared.InvalidValueException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A person's decision to move an item in the backlog, with reason, comment and expiry. A large override waits
 * for a second supervisor's approval before it applies; at expiry the computed score applies again.
 */
public record PriorityOverride(UUID id, OverrideTarget target, String reasonCode, String comment, Instant expiresAt,
                               String requestedBy, Instant requestedAt, Status status, String approvedBy,
                               Instant approvedAt) {

    /** Life of an override. */
    public enum Status { PENDING_APPROVAL, ACTIVE, EXPIRED, REJECTED }

    public PriorityOverride {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        InvalidValueException.require(reasonCode != null && !reasonCode.isBlank(), "reasonCode", "reasonCode is required");
        InvalidValueException.require(comment == null || comment.length() <= 1000, "comment", "comment is longer than 1000 characters");
        InvalidValueException.require(expiresAt != null, "expiresAt", "expiresAt is required");
        InvalidValueException.require(expiresAt.isAfter(requestedAt), "expiresAt", "expiresAt must lie in the future");
        Objects.requireNonNull(status, "status");
    }

    public boolean appliesAt(Instant now) {
        return status == Status.ACTIVE && now.isBefore(expiresAt);
    }

    public PriorityOverride approved(String approver, Instant at) {
        return new PriorityOverride(id, target, reasonCode, comment, expiresAt, requestedBy, requestedAt, Status.ACTIVE,
                approver, at);
    }

    public PriorityOverride expired() {
        return new PriorityOverride(id, target, reasonCode, comment, expiresAt, requestedBy, requestedAt, Status.EXPIRED,
                approvedBy, approvedAt);
    }

    /** How far the override moves the item, in score points. */
    public BigDecimal distanceFrom(PriorityScore computed) {
        return target.score().value().subtract(computed.value()).abs();
    }
}
