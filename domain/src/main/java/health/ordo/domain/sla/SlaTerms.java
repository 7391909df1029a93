package health.ordo.domain.sla;

import health.ordo.domain.shared.InvalidValueException;

import java.time.Duration;

/**
 * What an SLA promises, in business time from arrival: a goal (e.g. 2 business days = 16 working hours) and a
 * deadline; the clock is "at risk" once {@code approachingPercent} of the deadline is used.
 */
public record SlaTerms(Duration goal, Duration deadline, int approachingPercent) {

    public SlaTerms {
        InvalidValueException.require(goal != null && !goal.isNegative() && !goal.isZero(), "goal", "goal is a positive business duration");
        InvalidValueException.require(deadline != null && !deadline.isNegative() && !deadline.isZero(), "deadline", "deadline is a positive business duration");
        InvalidValueException.require(goal.compareTo(deadline) <= 0, "goal", "the goal cannot exceed the deadline");
        InvalidValueException.require(approachingPercent >= 1 && approachingPercent <= 99, "approachingPercent",
                "approachingPercent lies between 1 and 99");
    }
}
