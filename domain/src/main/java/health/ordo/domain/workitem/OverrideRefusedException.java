package health.ordo.domain.workitem;

import health.ordo.domain.shared.DomainException;

/** A priority override, or its approval, breaks a rule; {@link #rule()} names it. */
public final class OverrideRefusedException extends DomainException {

    private final String rule;

    public OverrideRefusedException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
