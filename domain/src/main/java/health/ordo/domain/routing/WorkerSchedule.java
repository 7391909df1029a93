package health.ordo.domain.routing;

import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When a worker works: the business calendar of their hours (a part-timer's, a night shift's, a site's; null: the
 * tenant's {@code default} calendar) and their time off (leave, training), whole days in that calendar's time zone.
 * Forecasts count a worker's capacity only in those hours; routing goes by {@link Worker#available()} alone.
 *
 * @param timeOff periods of whole days off, each {@code from} to {@code to} inclusive; sorted by start
 */
public record WorkerSchedule(TenantId tenant, String login, String calendar, List<TimeOff> timeOff) {

    public static final int MAX_TIME_OFF = 200;
    static final int MAX_DAYS = 366;

    /**
     * Days off, {@code from} to {@code to} inclusive.
     *
     * @param reason why, for the people who plan (e.g. {@code annual leave}); never shown to workers of other teams
     */
    public record TimeOff(LocalDate from, LocalDate to, String reason) {
    }

    public WorkerSchedule {
        Objects.requireNonNull(tenant, "tenant");
        InvalidValueException.require(login != null && login.endsWith("@" + tenant.value()), "login",
                "login must be a user of this tenant, e.g. name@" + tenant.value());
        InvalidValueException.require(calendar == null || calendar.matches("[a-z0-9][a-z0-9-]{0,62}"), "calendar",
                "a calendar id is 1-63 lower-case letters, digits or dashes");
        List<TimeOff> periods = timeOff == null ? List.of() : timeOff;
        InvalidValueException.require(periods.size() <= MAX_TIME_OFF, "timeOff", "at most " + MAX_TIME_OFF + " periods of time off");
        for (int i = 0; i < periods.size(); i++) {
            TimeOff period = periods.get(i);
            String field = "timeOff[" + i + "]";
            InvalidValueException.require(period != null, field, "a period of time off is required");
            InvalidValueException.require(period.from() != null, field + ".from", "from is required (a date, e.g. 2026-12-21)");
            InvalidValueException.require(period.to() != null, field + ".to", "to is required (a date, e.g. 2026-12-24)");
            InvalidValueException.require(!period.to().isBefore(period.from()), field + ".to", "to lies on or after from");
            InvalidValueException.require(period.to().toEpochDay() - period.from().toEpochDay() < MAX_DAYS, field + ".to",
                    "a period of time off lasts at most " + MAX_DAYS + " days");
            InvalidValueException.require(period.reason() == null || period.reason().length() <= 200, field + ".reason",
                    "reason is at most 200 characters");
        }
        List<TimeOff> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(TimeOff::from).thenComparing(TimeOff::to));
        timeOff = List.copyOf(sorted);
    }

    /** No calendar of their own and no time off. */
    public static WorkerSchedule standard(TenantId tenant, String login) {
        return new WorkerSchedule(tenant, login, null, List.of());
    }

    /** The days off between two dates, inclusive. */
    public Set<LocalDate> daysOff(LocalDate from, LocalDate to) {
        Set<LocalDate> days = new HashSet<>();
        for (TimeOff period : timeOff) {
            LocalDate first = period.from().isBefore(from) ? from : period.from();
            LocalDate last = period.to().isAfter(to) ? to : period.to();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                days.add(day);
            }
        }
        return days;
    }
}
