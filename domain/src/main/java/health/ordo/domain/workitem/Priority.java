package health.ordo.domain.workitem;

import health.ordo.domain.score.OverrideTarget;
import health.ordo.domain.score.PriorityOverride;
import health.ordo.domain.score.PriorityScore;
import health.ordo.domain.score.ScoreBasis;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A work item's priority: the score its policy computed (the basis), what its SLA escalations added (the boost), a
 * person's override, and the effective score they make together. The item records the changes in its history; this
 * class decides them.
 */
final class Priority {

    private static final BigDecimal MAXIMUM = BigDecimal.valueOf(100);

    private PriorityScore effective;
    private ScoreBasis basis;
    private PriorityOverride override;
    private BigDecimal slaBoost;

    Priority(PriorityScore effective, ScoreBasis basis, PriorityOverride override, BigDecimal slaBoost) {
        this.effective = Objects.requireNonNull(effective, "priorityScore");
        this.basis = basis;
        this.override = override;
        this.slaBoost = slaBoost == null ? BigDecimal.ZERO : slaBoost;
    }

    void apply(ScoreBasis computed) {
        this.basis = Objects.requireNonNull(computed, "basis");
    }

    /** An escalation raises the priority; the boost, like the effective score, stops at 100. */
    void boost(BigDecimal by) {
        slaBoost = slaBoost.add(by).min(MAXIMUM);
    }

    /** The override as requested: applied at once, or waiting for approval when it moves the score more than the threshold. */
    PriorityOverride requestOverride(OverrideTarget target, String reasonCode, String comment, Instant expiresAt,
                                     BigDecimal approvalThreshold, Actor actor, Instant now) {
        PriorityScore computed = basis == null ? effective : basis.computedScore();
        PriorityOverride draft = new PriorityOverride(UUID.randomUUID(), target, reasonCode, comment, expiresAt,
                actor.name(), now, PriorityOverride.Status.ACTIVE, null, null);
        boolean needsApproval = draft.distanceFrom(computed).compareTo(approvalThreshold) > 0;
        override = needsApproval
                ? new PriorityOverride(draft.id(), target, reasonCode, comment, expiresAt, actor.name(), now,
                PriorityOverride.Status.PENDING_APPROVAL, null, null)
                : draft;
        return override;
    }

    /** A second person approves the pending override; the requester cannot approve their own. */
    PriorityOverride approveOverride(UUID overrideId, Actor approver, Instant now) {
        if (override == null || !override.id().equals(overrideId) || override.status() != PriorityOverride.Status.PENDING_APPROVAL) {
            throw new OverrideRefusedException("APPROVAL_REQUIRES_PENDING_OVERRIDE", "no pending override " + overrideId + " on this item");
        }
        if (override.requestedBy().equals(approver.name())) {
            throw new OverrideRefusedException("FOUR_EYES", "an override needs the approval of someone other than its requester");
        }
        if (!now.isBefore(override.expiresAt())) {
            throw new OverrideRefusedException("APPROVAL_BEFORE_EXPIRY", "the override has expired");
        }
        override = override.approved(approver.name(), now);
        return override;
    }

    /** Ends an override whose expiry has passed. @return true when one expired */
    boolean expireOverrideIfDue(Instant now) {
        if (override == null || now.isBefore(override.expiresAt()) || override.status() == PriorityOverride.Status.EXPIRED) {
            return false;
        }
        override = override.expired();
        return true;
    }

    /** Finished work scores 0; an override that applies sets the score; otherwise the computed score plus the boost. */
    void refresh(boolean finished, Instant now) {
        if (finished) {
            effective = PriorityScore.ZERO;
        } else if (override != null && override.appliesAt(now)) {
            effective = override.target().score();
        } else if (basis != null) {
            effective = new PriorityScore(basis.computedScore().value().add(slaBoost).min(MAXIMUM));
        }
    }

    /** The history note of an override: its kind (and score), its reason code, its expiry. */
    static String describe(PriorityOverride override) {
        return override.target().kind() + (override.target().kind() == OverrideTarget.Kind.SCORE
                ? " " + override.target().score().value().toPlainString() : "")
                + " (" + override.reasonCode() + ") until " + override.expiresAt();
    }

    PriorityScore effective() {
        return effective;
    }

    ScoreBasis basis() {
        return basis;
    }

    PriorityOverride override() {
        return override;
    }

    BigDecimal slaBoost() {
        return slaBoost;
    }
}
