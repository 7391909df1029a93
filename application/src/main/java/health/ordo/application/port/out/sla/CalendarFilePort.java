package health.ordo.application.port.out.sla;

import health.ordo.domain.sla.BusinessCalendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Business calendars as RFC 5545 iCalendar files, the format HR, payroll and groupware systems publish holiday
 * calendars in. Reading expands recurring events (RRULE, RDATE, EXDATE) over a window of dates; bad files throw
 * {@link health.ordo.domain.shared.InvalidValueException} naming the line or the event and property.
 */
public interface CalendarFilePort {

    /**
     * What a file says about closed time within a window.
     *
     * @param zone     the zone its floating times were read in
     * @param holidays all-day events: each day they cover
     * @param closures timed events, as intervals of instants
     * @param skipped  what was read but not used, one line each (cancelled or free-time events, events outside the window)
     */
    record Content(ZoneId zone, Set<LocalDate> holidays, List<BusinessCalendar.Closure> closures, List<String> skipped) {
        public Content {
            holidays = Set.copyOf(holidays);
            closures = List.copyOf(closures);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Reads a file's events over {@code [from, to)}.
     *
     * @param zone     the zone of the calendar the file goes into, when it exists; otherwise the file's own
     *                 {@code X-WR-TIMEZONE} is used, and then {@code fallback}
     * @param fallback the zone when neither the calendar nor the file names one
     */
    Content read(byte[] file, Optional<ZoneId> zone, ZoneId fallback, LocalDate from, LocalDate to);

    /** The calendar's holidays (all-day events) and closures (timed events) as an iCalendar file. */
    byte[] write(BusinessCalendar calendar);
}
