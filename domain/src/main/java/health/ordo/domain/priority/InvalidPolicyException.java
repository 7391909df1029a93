package health.ordo.domain.priority;

import health.ordo.domain.shared.DomainException;

import java.util.List;

/** A policy definition that cannot be used; every part at fault is listed with its path, e.g. {@code rules[1].when[0].field}. */
public final class InvalidPolicyException extends DomainException {

    /** One part at fault. */
    public record Problem(String path, String message) {
    }

    private final List<Problem> problems;

    public InvalidPolicyException(List<Problem> problems) {
        super(problems.size() == 1 ? problems.get(0).path() + ": " + problems.get(0).message()
                : problems.size() + " parts of the policy are not valid");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
