package health.ordo.domain.workitem;

import health.ordo.domain.shared.DomainException;

/** A lifecycle change the work item's current state does not allow; {@link #rule()} names the rule broken. */
public final class IllegalTransitionException extends DomainException {

    private final String rule;
    private final WorkItemStatus currentStatus;

    public IllegalTransitionException(String rule, WorkItemStatus currentStatus, String message) {
        super(message);
        this.rule = rule;
        this.currentStatus = currentStatus;
    }

    public String rule() {
        return rule;
    }

    public WorkItemStatus currentStatus() {
        return currentStatus;
    }
}
