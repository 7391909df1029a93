package health.ordo.domain.workitem;

import health.ordo.domain.shared.DomainException;

/** The actor may not do this to the work item (it belongs to someone else, or needs a supervisor); names the rule. */
public final class NotAllowedException extends DomainException {

    private final String rule;

    public NotAllowedException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
