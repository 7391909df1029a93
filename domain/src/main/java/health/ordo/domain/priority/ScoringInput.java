package health.ordo.domain.priority;

import health.ordo.domain.workitem.WorkItem;

import java.time.Instant;
import java.util.Objects;

/** Everything a policy needs to score one item at one instant. */
public record ScoringInput(WorkItem item, LikelihoodEstimate likelihood, WorkingCalendar calendar, Instant now) {

    public ScoringInput {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(likelihood, "likelihood");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(now, "now");
    }
}
