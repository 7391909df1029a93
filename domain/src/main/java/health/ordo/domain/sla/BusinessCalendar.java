package health.ordo.domain.sla;

import health.ordo.domain.priority.WorkingCalendar;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When a tenant (or a team or site) works: a time zone, working windows per weekday (shifts may cross midnight),
 * holidays (a shift belongs to the day it starts on) and one-off closures. Business time between two instants is the
 * length of the working intervals between them, computed from local dates and times in the zone, so daylight-saving
 * changes are right: a 09:00–17:00 day stays 8 hours, and a night shift over a DST change is an hour shorter or longer.
 */
public final class BusinessCalendar implements WorkingCalendar {

    /** One-off closure (an outage, a shutdown), as an interval of instants. */
    public record Closure(Instant from, Instant to) {
        public Closure {
            InvalidValueException.require(from != null && to != null && to.isAfter(from), "closures", "a closure ends after it starts");
        }
    }

    /** A working interval between two instants. */
    public record Interval(Instant from, Instant to) {
        public Duration length() {
            return Duration.between(from, to);
        }
    }

    private static final int MAX_DAYS = 3 * 366;

    private final TenantId tenant;
    private final String id;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<WorkingWindow>> hours;
    private final Set<LocalDate> holidays;
    private final List<Closure> closures;
    private final Duration weeklyHours;

    public BusinessCalendar(TenantId tenant, String id, String zone, Map<DayOfWeek, List<WorkingWindow>> hours,
                            Set<LocalDate> holidays, List<Closure> closures) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        InvalidValueException.require(id != null && id.matches("[a-z0-9][a-z0-9-]{0,62}"), "id",
                "calendar ids are 1-63 lower-case letters, digits or dashes");
        this.id = id;
        this.zone = zone(zone);
        EnumMap<DayOfWeek, List<WorkingWindow>> copy = new EnumMap<>(DayOfWeek.class);
        (hours == null ? Map.<DayOfWeek, List<WorkingWindow>>of() : hours).forEach((day, windows) -> {
            List<WorkingWindow> sorted = new ArrayList<>(windows);
            sorted.sort(Comparator.comparingLong(WorkingWindow::startMinute));
            for (int i = 1; i < sorted.size(); i++) {
                InvalidValueException.require(sorted.get(i).startMinute() >= sorted.get(i - 1).endMinute(), "hours." + day,
                        "working windows on " + day + " overlap");
            }
            copy.put(day, List.copyOf(sorted));
        });
        for (DayOfWeek day : copy.keySet()) {
            List<WorkingWindow> today = copy.get(day);
            List<WorkingWindow> tomorrow = copy.getOrDefault(day.plus(1), List.of());
            if (!today.isEmpty() && !tomorrow.isEmpty()) {
                long spill = today.get(today.size() - 1).endMinute() - 24 * 60;
                InvalidValueException.require(spill <= tomorrow.get(0).startMinute(), "hours." + day,
                        "a shift on " + day + " runs into " + day.plus(1) + "'s first window");
            }
        }
        this.hours = copy;
        this.holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        this.closures = closures == null ? List.of() : List.copyOf(closures);
        long minutes = copy.values().stream().flatMap(List::stream).mapToLong(w -> w.endMinute() - w.startMinute()).sum();
        InvalidValueException.require(minutes > 0, "hours", "a calendar has working hours on at least one day");
        this.weeklyHours = Duration.ofMinutes(minutes);
    }

    private static ZoneId zone(String zone) {
        try {
            InvalidValueException.require(zone != null, "zone", "zone is required, e.g. America/New_York");
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidValueException("zone", "unknown time zone '" + zone + "'");
        }
    }

    /** Monday to Friday, 09:00–17:00 in the zone, no holidays. */
    public static BusinessCalendar standard(TenantId tenant, String zone) {
        Map<DayOfWeek, List<WorkingWindow>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.put(day, List.of(new WorkingWindow(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 0))));
        }
        return new BusinessCalendar(tenant, "standard", zone, hours, Set.of(), List.of());
    }

    /** The working intervals between two instants, in order, clipped to them, closures removed. */
    public List<Interval> workingIntervals(Instant from, Instant to) {
        List<Interval> intervals = new ArrayList<>();
        if (!to.isAfter(from)) {
            return intervals;
        }
        // A shift that started the day before may still be running at 'from'.
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate();
        for (int guard = 0; !day.isAfter(last) && guard < MAX_DAYS + 2; guard++, day = day.plusDays(1)) {
            if (holidays.contains(day)) {
                continue;
            }
            for (WorkingWindow window : hours.getOrDefault(day.getDayOfWeek(), List.of())) {
                Instant start = ZonedDateTime.of(day, window.start(), zone).toInstant();
                Instant end = ZonedDateTime.of(window.crossesMidnight() ? day.plusDays(1) : day, window.end(), zone).toInstant();
                Instant clippedStart = start.isBefore(from) ? from : start;
                Instant clippedEnd = end.isAfter(to) ? to : end;
                if (clippedEnd.isAfter(clippedStart)) {
                    subtractClosures(new Interval(clippedStart, clippedEnd), intervals);
                }
            }
        }
        return intervals;
    }

    private void subtractClosures(Interval interval, List<Interval> out) {
        List<Interval> pieces = List.of(interval);
        for (Closure closure : closures) {
            List<Interval> next = new ArrayList<>();
            for (Interval piece : pieces) {
                if (!closure.to().isAfter(piece.from()) || !closure.from().isBefore(piece.to())) {
                    next.add(piece);
                    continue;
                }
                if (closure.from().isAfter(piece.from())) {
                    next.add(new Interval(piece.from(), closure.from()));
                }
                if (closure.to().isBefore(piece.to())) {
                    next.add(new Interval(closure.to(), piece.to()));
                }
            }
            pieces = next;
        }
        out.addAll(pieces);
    }

    /** Business time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration businessTimeBetween(Instant from, Instant to) {
        return workingIntervals(from, to).stream().map(Interval::length).reduce(Duration.ZERO, Duration::plus);
    }

    /** The instant at which {@code amount} of business time has passed after {@code from}. */
    public Instant addBusinessTime(Instant from, Duration amount) {
        Duration left = amount;
        Instant cursor = from;
        for (int week = 0; week < MAX_DAYS / 7 + 1; week++) {
            Instant weekEnd = cursor.plus(Duration.ofDays(7));
            for (Interval interval : workingIntervals(cursor, weekEnd)) {
                if (interval.length().compareTo(left) >= 0) {
                    return interval.from().plus(left);
                }
                left = left.minus(interval.length());
            }
            cursor = weekEnd;
        }
        throw new IllegalStateException("calendar " + id + " has no working time within " + MAX_DAYS + " days");
    }

    /** Business days between two instants, a business day being the average working day of this calendar. */
    @Override
    public double businessDaysBetween(Instant from, Instant to) {
        long workingDays = hours.values().stream().filter(w -> !w.isEmpty()).count();
        double dayMinutes = weeklyHours.toMinutes() / (double) workingDays;
        boolean forward = !to.isBefore(from);
        Duration between = forward ? businessTimeBetween(from, to) : businessTimeBetween(to, from);
        return (forward ? 1 : -1) * between.toMinutes() / dayMinutes;
    }

    public TenantId tenant() {
        return tenant;
    }

    public String id() {
        return id;
    }

    public ZoneId zone() {
        return zone;
    }

    public Map<DayOfWeek, List<WorkingWindow>> hours() {
        return hours;
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    public List<Closure> closures() {
        return closures;
    }
}
