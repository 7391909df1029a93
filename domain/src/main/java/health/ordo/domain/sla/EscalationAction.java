package health.ordo.domain.sla;

import health.ordo.domain.shared.InvalidValueException;

import java.math.BigDecimal;

/**
 * What happens when a stage is reached: raise the priority by {@code raisePriorityBy} points (the score is capped at
 * 100), move the item to {@code moveToQueue}, reassign it to {@code reassignTo} (a supervisor's login), and/or send a notification
 * (an event later delivered as webhook or e-mail). Any combination; at least one.
 */
public record EscalationAction(SlaStage stage, BigDecimal raisePriorityBy, String moveToQueue, String reassignTo,
                               boolean sendNotification) {

    public EscalationAction {
        InvalidValueException.require(stage != null, "escalations.stage", "stage is one of GOAL_REACHED, DEADLINE_APPROACHING, "
                + "DEADLINE_REACHED, PASSED_DEADLINE");
        InvalidValueException.require(raisePriorityBy == null || raisePriorityBy.signum() >= 0
                && raisePriorityBy.compareTo(BigDecimal.valueOf(100)) <= 0, "escalations.raisePriorityBy",
                "raisePriorityBy lies between 0 and 100");
        InvalidValueException.require(moveToQueue == null || moveToQueue.matches("[a-z0-9][a-z0-9-]{0,62}"), "escalations.moveToQueue",
                "moveToQueue is a queue id");
        InvalidValueException.require(raisePriorityBy != null || moveToQueue != null || reassignTo != null || sendNotification,
                "escalations", "an escalation does at least one thing");
    }

    public String describe() {
        StringBuilder out = new StringBuilder(stage.name());
        if (raisePriorityBy != null) {
            out.append(": priority +").append(raisePriorityBy.stripTrailingZeros().toPlainString());
        }
        if (moveToQueue != null) {
            out.append(", moved to ").append(moveToQueue);
        }
        if (reassignTo != null) {
            out.append(", reassigned to ").append(reassignTo);
        }
        if (sendNotification) {
            out.append(", notified");
        }
        return out.toString();
    }
}
