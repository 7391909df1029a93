package health.ordo.domain.sla;

import health.ordo.domain.shared.InvalidValueException;

import java.time.LocalTime;

/**
 * Working hours on a weekday, in local time. A window whose end is not after its start crosses midnight and ends on
 * the next day (a night shift 22:00–06:00); 00:00–00:00 is the whole day.
 */
public record WorkingWindow(LocalTime start, LocalTime end) {

    public WorkingWindow {
        InvalidValueException.require(start != null && end != null, "hours", "a working window has a start and an end");
    }

    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }

    /** Minutes from the start of its day to its end (may exceed a day for windows crossing midnight). */
    long startMinute() {
        return start.toSecondOfDay() / 60;
    }

    long endMinute() {
        return crossesMidnight() ? end.toSecondOfDay() / 60 + 24 * 60 : end.toSecondOfDay() / 60;
    }
}
