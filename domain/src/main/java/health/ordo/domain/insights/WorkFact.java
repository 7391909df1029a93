package health.ordo.domain.insights;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One item's life, flattened for analysis: its dimensions, when it arrived, was first claimed, started and closed,
 * how long it was on hold, what happened to it. Built from Ordo's own work items and history, or imported from a
 * legacy work-queue system.
 *
 * @param closedAt          completion or cancellation, never before the arrival; null while open
 * @param cancelled         closed without being worked (withdrawn at the source, cancelled)
 * @param writtenOff        completed with a write-off resolution
 * @param held              time spent on hold (waiting on a payer, supplier or colleague)
 * @param reopened          times the work came back after being closed (rework)
 * @param exception         it went on hold or was escalated at least once
 * @param claims            times it was claimed
 * @param claimsAsProposed  of those, claims that took Ordo's proposal (get-next-work) rather than a picked item
 */
public record WorkFact(Map<Dimension, String> dimensions, BigDecimal amount, Instant receivedAt, Instant firstClaimedAt,
                       Instant startedAt, Instant closedAt, boolean cancelled, boolean writtenOff, Instant deadline,
                       Duration held, int reopened, boolean exception, boolean overridden, int claims, int claimsAsProposed) {

    public WorkFact {
        Objects.requireNonNull(receivedAt, "receivedAt");
        EnumMap<Dimension, String> copy = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            String value = dimensions == null ? null : dimensions.get(dimension);
            copy.put(dimension, value == null || value.isBlank() ? Dimension.NONE : value);
        }
        dimensions = Map.copyOf(copy);
        amount = amount == null ? BigDecimal.ZERO : amount;
        // nothing closes before it arrived (clocks of two nodes a moment apart): such a fact closes as it arrives
        closedAt = closedAt != null && closedAt.isBefore(receivedAt) ? receivedAt : closedAt;
        held = held == null || held.isNegative() ? Duration.ZERO : held;
    }

    public String value(Dimension dimension) {
        return dimensions.get(dimension);
    }

    public boolean open() {
        return closedAt == null;
    }

    public boolean completed() {
        return closedAt != null && !cancelled;
    }

    /** Arrival to completion. */
    public Duration cycleTime() {
        return completed() ? positive(Duration.between(receivedAt, closedAt)) : null;
    }

    /** Arrival to the first claim (or the start, when no claim was recorded). */
    public Duration waitTime() {
        Instant taken = firstClaimedAt != null ? firstClaimedAt : startedAt;
        return taken == null ? null : positive(Duration.between(receivedAt, taken));
    }

    /** Start to completion, less the time on hold: the time someone worked on it. */
    public Duration touchTime() {
        if (!completed() || startedAt == null) {
            return null;
        }
        return positive(Duration.between(startedAt, closedAt).minus(held));
    }

    /** Whether a completed item with a deadline met it; null when it has no deadline or is not completed. */
    public Boolean metDeadline() {
        return completed() && deadline != null ? !closedAt.isAfter(deadline) : null;
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
