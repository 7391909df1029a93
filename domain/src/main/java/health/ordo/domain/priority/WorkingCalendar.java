package health.ordo.domain.priority;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Business time between two instants. The default counts Monday to Friday in one time zone; tenant business
 * calendars with working hours and holidays (the SLA issue) plug in behind the same method.
 */
public interface WorkingCalendar {

    /** Business days from {@code from} to {@code to}; negative when {@code to} lies before {@code from}. */
    double businessDaysBetween(Instant from, Instant to);

    /** Monday to Friday, whole days, in the given zone. O(1): no loop over days. */
    static WorkingCalendar weekdays(ZoneId zone) {
        return new WorkingCalendar() {
            // 1970-01-05 was a Monday: count from there so a week starts on Monday.
            private static final long MONDAY_EPOCH_DAY = 4;

            @Override
            public double businessDaysBetween(Instant from, Instant to) {
                return cumulative(to) - cumulative(from);
            }

            private double cumulative(Instant instant) {
                ZoneOffset offset = zone.getRules().getOffset(instant);
                double days = (instant.getEpochSecond() + offset.getTotalSeconds()) / 86_400.0 - MONDAY_EPOCH_DAY;
                double weeks = Math.floor(days / 7);
                double rest = days - weeks * 7;
                return weeks * 5 + Math.min(rest, 5);
            }
        };
    }
}
