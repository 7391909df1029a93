package health.ordo.domain.insights;

import health.ordo.domain.sla.BusinessCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who works a queue in the breach simulation: how many workers (a worker serving n queues counts 1/n on each) follow
 * each schedule, a schedule being the business calendar of their working hours and their days off. The staff's
 * capacity at any moment is the number of its workers at work then.
 *
 * @param shares workers per schedule; none negative
 */
public record Staff(Map<Schedule, Double> shares) {

    /** No one. */
    public static final Staff NONE = new Staff(Map.of());

    private static final double EPSILON = 1e-9;

    /**
     * A worker's hours: their calendar's opening hours, holidays and closures, less their own days off (whole days in the
     * calendar's time zone).
     */
    public record Schedule(BusinessCalendar calendar, Set<LocalDate> daysOff) {
        public Schedule {
            Objects.requireNonNull(calendar, "calendar");
            daysOff = Set.copyOf(daysOff);
        }

        public static Schedule of(BusinessCalendar calendar) {
            return new Schedule(calendar, Set.of());
        }

        /** The working intervals between two instants, days off cut out. */
        List<BusinessCalendar.Interval> working(Instant from, Instant to) {
            List<BusinessCalendar.Interval> intervals = calendar.workingIntervals(from, to);
            if (daysOff.isEmpty()) {
                return intervals;
            }
            ZoneId zone = calendar.zone();
            List<BusinessCalendar.Interval> working = new ArrayList<>();
            for (BusinessCalendar.Interval interval : intervals) {
                Instant start = interval.from();
                while (start.isBefore(interval.to())) {
                    LocalDate day = start.atZone(zone).toLocalDate();
                    Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
                    Instant end = dayEnd.isBefore(interval.to()) ? dayEnd : interval.to();
                    if (!daysOff.contains(day)) {
                        working.add(new BusinessCalendar.Interval(start, end));
                    }
                    start = end;
                }
            }
            return working;
        }
    }

    /** A stretch of time in which the same number of workers is at work (never zero). */
    public record Segment(Instant from, Instant to, double workers) {
        double hours() {
            return (to.toEpochMilli() - from.toEpochMilli()) / 3_600_000.0;
        }
    }

    public Staff {
        Map<Schedule, Double> kept = new HashMap<>();
        shares.forEach((schedule, workers) -> {
            Objects.requireNonNull(schedule, "schedule");
            if (!(workers >= -EPSILON)) {
                throw new IllegalArgumentException("a staff has no negative number of workers");
            }
            if (workers > EPSILON) {
                kept.put(schedule, workers);
            }
        });
        shares = Map.copyOf(kept);
    }

    /** {@code workers} workers on one calendar, with no days off. */
    public static Staff of(double workers, BusinessCalendar calendar) {
        if (workers < 0) {
            throw new IllegalArgumentException("workers must not be negative");
        }
        return new Staff(Map.of(Schedule.of(calendar), workers));
    }

    /** The number of workers (shares summed). */
    public double workers() {
        return shares.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** This staff with {@code workers} more (or, negative, fewer) workers on a schedule; never fewer than none. */
    public Staff plus(Schedule schedule, double workers) {
        Map<Schedule, Double> changed = new HashMap<>(shares);
        changed.merge(schedule, workers, Double::sum);
        changed.replaceAll((s, w) -> Math.max(0, w));
        return new Staff(changed);
    }

    /** This staff grown or shrunk in proportion to {@code workers} in all (e.g. removing 1 of 4 keeps 3/4 of each schedule). */
    public Staff scaledTo(double workers) {
        double now = workers();
        if (now <= EPSILON) {
            return NONE;
        }
        double factor = Math.max(0, workers) / now;
        Map<Schedule, Double> scaled = new HashMap<>(shares);
        scaled.replaceAll((s, w) -> w * factor);
        return new Staff(scaled);
    }

    /** The stretches between two instants in which some of this staff works, with how many do, in time order. */
    public List<Segment> segments(Instant from, Instant to) {
        return segments(schedule -> schedule.working(from, to));
    }

    /**
     * {@link #segments(Instant, Instant)} with each schedule's working intervals between the two instants given (a
     * simulation run many times over the same span computes them once).
     */
    List<Segment> segments(java.util.function.Function<Schedule, List<BusinessCalendar.Interval>> working) {
        TreeMap<Instant, Double> changes = new TreeMap<>();
        shares.forEach((schedule, workers) -> {
            for (BusinessCalendar.Interval interval : working.apply(schedule)) {
                changes.merge(interval.from(), workers, Double::sum);
                changes.merge(interval.to(), -workers, Double::sum);
            }
        });
        List<Segment> segments = new ArrayList<>();
        double atWork = 0;
        Instant start = null;
        for (Map.Entry<Instant, Double> change : changes.entrySet()) {
            if (start != null && atWork > EPSILON && change.getKey().isAfter(start)) {
                segments.add(new Segment(start, change.getKey(), atWork));
            }
            atWork += change.getValue();
            start = change.getKey();
        }
        return segments;
    }
}
