package health.ordo.domain.sla;

import health.ordo.domain.workitem.HistoryEntry;
import health.ordo.domain.workitem.WorkItemStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An item's SLA clock, derived entirely from its history and a calendar, never stored: so a corrected calendar or
 * policy recomputes it retroactively. The clock runs from arrival, pauses while the item is ON_HOLD (waiting on a payer
 * or supplier), and stops when the item completes (met or breached) or is cancelled.
 *
 * @param elapsed             business time the clock has run
 * @param remaining           business time left to the deadline (negative once breached)
 * @param goalAt              when the goal is (or was) reached; projected from now while paused
 * @param approachingAt       when the clock reaches the "at risk" share of the SLA deadline (same projection)
 * @param deadlineAt          the binding deadline: the SLA deadline or the item's hard external deadline, the earlier
 * @param hardDeadlineBinding true when the hard external deadline is the earlier one
 * @param paused              the intervals the clock was paused (the last one open while on hold)
 */
public record SlaClock(State state, Instant arrival, Duration elapsed, Duration remaining, Instant goalAt,
                       Instant approachingAt, Instant deadlineAt, boolean hardDeadlineBinding,
                       List<BusinessCalendar.Interval> paused) {

    /** Where a clock stands. */
    public enum State { RUNNING, AT_RISK, PAUSED, BREACHED, MET, CANCELLED }

    public SlaClock {
        paused = List.copyOf(paused);
    }

    /**
     * @param hardDeadline the item's own external deadline, or null
     */
    public static SlaClock compute(Instant arrival, List<HistoryEntry> history, SlaTerms terms, Instant hardDeadline,
                                   BusinessCalendar calendar, Instant now) {
        List<BusinessCalendar.Interval> running = new ArrayList<>();
        List<BusinessCalendar.Interval> paused = new ArrayList<>();
        Instant runningSince = arrival;
        Instant pausedSince = null;
        Instant stoppedAt = null;
        WorkItemStatus finalStatus = null;
        for (HistoryEntry entry : history) {
            if (entry.at().isAfter(now) || stoppedAt != null) {
                break;
            }
            boolean toHold = entry.toStatus() == WorkItemStatus.ON_HOLD && entry.fromStatus() != WorkItemStatus.ON_HOLD;
            boolean fromHold = entry.fromStatus() == WorkItemStatus.ON_HOLD && entry.toStatus() != WorkItemStatus.ON_HOLD;
            if (toHold && runningSince != null) {
                running.add(new BusinessCalendar.Interval(runningSince, entry.at()));
                runningSince = null;
                pausedSince = entry.at();
            } else if (fromHold && pausedSince != null) {
                paused.add(new BusinessCalendar.Interval(pausedSince, entry.at()));
                pausedSince = null;
                runningSince = entry.at();
            }
            if (entry.toStatus().isTerminal()) {
                stoppedAt = entry.at();
                finalStatus = entry.toStatus();
                if (runningSince != null) {
                    running.add(new BusinessCalendar.Interval(runningSince, stoppedAt));
                    runningSince = null;
                }
            }
        }
        Instant openRunningFrom = runningSince;
        if (pausedSince != null) {
            paused.add(new BusinessCalendar.Interval(pausedSince, now));
        }
        Duration closed = running.stream().map(i -> calendar.businessTimeBetween(i.from(), i.to())).reduce(Duration.ZERO, Duration::plus);
        Duration elapsed = openRunningFrom == null ? closed : closed.plus(calendar.businessTimeBetween(openRunningFrom, now));
        // Projection beyond the known history starts where the clock runs again: now when paused, else the open segment.
        Instant resumeFrom = openRunningFrom != null ? openRunningFrom : now;
        Instant goalAt = reached(terms.goal(), running, openRunningFrom != null || stoppedAt == null, resumeFrom,
                openRunningFrom != null ? closed : elapsed, calendar);
        Instant slaDeadline = reached(terms.deadline(), running, openRunningFrom != null || stoppedAt == null, resumeFrom,
                openRunningFrom != null ? closed : elapsed, calendar);
        Instant approachingAt = reached(terms.deadline().multipliedBy(terms.approachingPercent()).dividedBy(100), running,
                openRunningFrom != null || stoppedAt == null, resumeFrom, openRunningFrom != null ? closed : elapsed, calendar);
        boolean hardBinding = hardDeadline != null && (slaDeadline == null || hardDeadline.isBefore(slaDeadline));
        Instant deadlineAt = hardBinding ? hardDeadline : slaDeadline;
        Duration remaining = terms.deadline().minus(elapsed);
        if (hardDeadline != null) {
            Duration toHard = remainingTo(hardDeadline, stoppedAt != null ? stoppedAt : now, calendar);
            remaining = toHard.compareTo(remaining) < 0 ? toHard : remaining;
        }
        State state;
        if (finalStatus == WorkItemStatus.CANCELLED) {
            state = State.CANCELLED;
        } else if (finalStatus == WorkItemStatus.COMPLETED) {
            state = deadlineAt != null && stoppedAt.isAfter(deadlineAt) ? State.BREACHED : State.MET;
        } else if (deadlineAt != null && now.isAfter(deadlineAt)) {
            state = State.BREACHED;
        } else if (pausedSince != null) {
            state = State.PAUSED;
        } else if (elapsed.multipliedBy(100).compareTo(terms.deadline().multipliedBy(terms.approachingPercent())) >= 0) {
            state = State.AT_RISK;
        } else {
            state = State.RUNNING;
        }
        if (hardBinding && approachingAt != null && approachingAt.isAfter(deadlineAt)) {
            approachingAt = deadlineAt;
        }
        return new SlaClock(state, arrival, elapsed, remaining, goalAt, approachingAt, deadlineAt, hardBinding, paused);
    }

    private static Duration remainingTo(Instant deadline, Instant now, BusinessCalendar calendar) {
        return now.isBefore(deadline) ? calendar.businessTimeBetween(now, deadline) : calendar.businessTimeBetween(deadline, now).negated();
    }

    /**
     * The instant at which the clock's running time reaches {@code target}: within the closed running segments if it
     * got there, else projected from {@code resumeFrom} (only when the clock may still run).
     */
    private static Instant reached(Duration target, List<BusinessCalendar.Interval> running, boolean mayRun, Instant resumeFrom,
                                   Duration accumulatedBeforeResume, BusinessCalendar calendar) {
        Duration accumulated = Duration.ZERO;
        for (BusinessCalendar.Interval segment : running) {
            Duration length = calendar.businessTimeBetween(segment.from(), segment.to());
            if (accumulated.plus(length).compareTo(target) >= 0) {
                return calendar.addBusinessTime(segment.from(), target.minus(accumulated));
            }
            accumulated = accumulated.plus(length);
        }
        if (!mayRun) {
            return null;
        }
        Duration left = target.minus(accumulatedBeforeResume);
        return left.isNegative() || left.isZero() ? resumeFrom : calendar.addBusinessTime(resumeFrom, left);
    }
}
