package health.ordo.domain.workitem;

import health.ordo.domain.shared.InvalidValueException;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a work item stands: its status, who holds it and since when, why it waits or was cancelled, and how it ended;
 * with the rules for moving it ({@link LifecycleAction}'s table, the assignee's right to act, a supervisor's assign
 * and transfer). The item records each move in its history; this class decides it.
 */
final class Lifecycle {

    private WorkItemStatus status;
    private String assignee;
    private Instant claimedAt;
    private String statusReason;
    private String resolutionCode;

    Lifecycle(WorkItemStatus status, String assignee, Instant claimedAt, String statusReason, String resolutionCode) {
        this.status = Objects.requireNonNull(status, "status");
        this.assignee = assignee;
        this.claimedAt = claimedAt;
        this.statusReason = statusReason;
        this.resolutionCode = resolutionCode;
    }

    /**
     * Takes an action of the lifecycle table: checks that the actor may and that the status allows it, then moves to the
     * action's target with what it sets (the claimer as assignee, a hold's or a cancellation's reason, the resolution).
     *
     * @param note the history note: the reason of a hold or a cancellation, the resolution code of a completion (the
     *             caller has checked it is there)
     * @return the status the item left
     */
    WorkItemStatus take(LifecycleAction action, Actor actor, String note, Instant now, WorkItemId item) {
        Objects.requireNonNull(actor, "actor");
        if (action != LifecycleAction.CLAIM && assignee != null && !assignee.equals(actor.name()) && !actor.supervisor()) {
            throw new NotAllowedException("ASSIGNEE_OR_SUPERVISOR_ONLY", "work item " + item + " is assigned to someone else; "
                    + "only its assignee or a supervisor may " + action.verb() + " it");
        }
        if (!action.isAllowedFrom(status)) {
            throw new IllegalTransitionException(action.rule(), status, "cannot " + action.verb() + " a work item that is "
                    + status + "; " + action.verb() + " is allowed only from " + action.describeAllowed());
        }
        WorkItemStatus from = status;
        status = action.target();
        switch (action) {
            case CLAIM -> holdBy(actor.name(), now);
            case HOLD, CANCEL -> statusReason = note.strip();
            case RESUME -> statusReason = null;
            // a code, compared by the source systems' write-backs: "released" and "RELEASED" are one resolution
            case COMPLETE -> resolutionCode = note.strip().toUpperCase(Locale.ROOT);
            case RELEASE -> {
                holdBy(null, null);
                statusReason = null;
            }
            case START -> {
                // the assignee goes on working: nothing else changes
            }
        }
        return from;
    }

    /** A supervisor gives a READY or CLAIMED item to a worker: CLAIMED by them from now. @return the status it left */
    WorkItemStatus assign(String worker, Actor actor, Instant now) {
        WorkItemStatus from = supervisorMove(actor, "assign", "ASSIGN_REQUIRES_READY_OR_CLAIMED");
        status = WorkItemStatus.CLAIMED;
        holdBy(worker, now);
        return from;
    }

    /** A supervisor moves a READY or CLAIMED item to another queue: READY there, unassigned. @return the status it left */
    WorkItemStatus transfer(Actor actor) {
        WorkItemStatus from = supervisorMove(actor, "transfer", "TRANSFER_REQUIRES_READY_OR_CLAIMED");
        status = WorkItemStatus.READY;
        holdBy(null, null);
        return from;
    }

    /** An escalation reassigns the item: a READY one becomes CLAIMED by the new assignee from now. */
    void escalateTo(String assignee, Instant now) {
        this.assignee = assignee;
        if (status == WorkItemStatus.READY) {
            status = WorkItemStatus.CLAIMED;
            claimedAt = now;
        }
    }

    /** Whether a claim not started within the timeout is due to go back to the queue. */
    boolean reservationExpired(Duration timeout, Instant now) {
        return status == WorkItemStatus.CLAIMED && claimedAt != null && !now.isBefore(claimedAt.plus(timeout));
    }

    /** Checks a supervisor's move from READY or CLAIMED. @return the status the item is in */
    private WorkItemStatus supervisorMove(Actor actor, String action, String rule) {
        requireSupervisor(actor, action);
        if (status != WorkItemStatus.READY && status != WorkItemStatus.CLAIMED) {
            throw new IllegalTransitionException(rule, status, "cannot " + action + " a work item that is " + status + "; "
                    + action + " is allowed only from READY or CLAIMED");
        }
        return status;
    }

    /** A reason or a resolution code as stated: required, at most 500 characters, stripped. */
    static String stated(String text, String field) {
        InvalidValueException.require(text != null && !text.isBlank(), field, field + " is required");
        InvalidValueException.require(text.length() <= 500, field, field + " is longer than 500 characters");
        return text.strip();
    }

    static void requireSupervisor(Actor actor, String action) {
        if (!actor.supervisor()) {
            throw new NotAllowedException("SUPERVISOR_REQUIRED", "only a supervisor may " + action + " work items");
        }
    }

    private void holdBy(String worker, Instant since) {
        assignee = worker;
        claimedAt = since;
    }

    WorkItemStatus status() {
        return status;
    }

    String assignee() {
        return assignee;
    }

    Instant claimedAt() {
        return claimedAt;
    }

    String statusReason() {
        return statusReason;
    }

    String resolutionCode() {
        return resolutionCode;
    }
}
