package health.ordo.domain.insights;

import health.ordo.domain.sla.BusinessCalendar;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Works a queue forward in Ordo's order with a given staff and tells when each open item is done and which miss their
 * deadline. A fluid model, so a person can check it by hand:
 * <ul>
 *   <li>the staff delivers {@code productiveShare} hours of work per hour each of its workers is at work: on the
 *       business calendar (holidays, closures and opening hours included), or on each worker's own calendar less their
 *       days off ({@link Staff});</li>
 *   <li>items are worked one after another in {@link OpenWork#ORDO_ORDER}: an item is done when the capacity delivered
 *       since now covers its own hours, the hours of every item before it, and the hours of forecast arrivals that
 *       outrank it ({@link ArrivalLoad#shareAbove}); a day's arrivals count from that day's first working hour;</li>
 *   <li>an item breaches when it is done after its deadline, or is not done by the end of the simulation while its
 *       deadline falls before that end; an item already past its deadline is overdue (a breach nobody can prevent).</li>
 * </ul>
 */
public final class BreachSimulation {

    private final BusinessCalendar calendar;
    private final double productiveShare;
    private final java.util.Map<Staff.Schedule, List<BusinessCalendar.Interval>> intervals = new java.util.HashMap<>();
    private final java.util.Map<Staff, List<Staff.Segment>> segments = new java.util.HashMap<>();
    private Instant spanFrom;
    private Instant spanTo;

    /**
     * @param productiveShare the share of working time spent on the queue's items (the rest: breaks, meetings, other
     *                        work), between 0 and 1
     */
    public BreachSimulation(BusinessCalendar calendar, double productiveShare) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        if (!(productiveShare > 0 && productiveShare <= 1)) {
            throw new IllegalArgumentException("the productive share lies in (0, 1]");
        }
        this.productiveShare = productiveShare;
    }

    /** The calendar of the queue: its days, its arrivals' first working hour, and the hours of workers without their own. */
    public BusinessCalendar calendar() {
        return calendar;
    }

    /** {@code workers} workers on the simulation's calendar, none with days off. */
    public Result run(Instant now, Instant until, List<OpenWork> open, double workers, ArrivalLoad arrivals) {
        if (workers < 0) {
            throw new IllegalArgumentException("workers must not be negative");
        }
        return run(now, until, open, Staff.of(workers, calendar), arrivals);
    }

    /** The queue worked by a staff whose workers keep their own calendars and days off. */
    public Result run(Instant now, Instant until, List<OpenWork> open, Staff staff, ArrivalLoad arrivals) {
        List<OpenWork> ordered = new ArrayList<>(open);
        ordered.sort(OpenWork.ORDO_ORDER); // a list already in that order (AllocationAdvisor's) costs one pass
        List<Staff.Segment> segments = segments(staff, now, until);
        int n = segments.size();
        double[] capacityAtStart = new double[n + 1];
        double[] arrivedAtStart = new double[n];
        LocalDate today = now.atZone(calendar.zone()).toLocalDate();
        for (int k = 0; k < n; k++) {
            Staff.Segment segment = segments.get(k);
            capacityAtStart[k + 1] = capacityAtStart[k] + rate(segment) * segment.hours();
            arrivedAtStart[k] = arrivals.hoursBetween(today, segment.from().atZone(calendar.zone()).toLocalDate());
        }
        List<Outcome> outcomes = new ArrayList<>(ordered.size());
        double workAhead = 0;
        int cursor = 0;
        double lastShare = 0;
        for (OpenWork work : ordered) {
            workAhead += work.hours();
            double share = work.started() ? 0 : arrivals.shareAbove(work.score());
            if (share < lastShare) {
                cursor = 0;
            }
            lastShare = share;
            Instant done = null;
            for (int k = cursor; k < n; k++) {
                double needed = workAhead + share * arrivedAtStart[k];
                if (capacityAtStart[k + 1] >= needed) {
                    Staff.Segment segment = segments.get(k);
                    double intoSegment = Math.max(0, needed - capacityAtStart[k]) / rate(segment);
                    Instant at = segment.from().plus(Duration.ofMillis(Math.round(intoSegment * 3_600_000)));
                    done = at.isAfter(segment.to()) ? segment.to() : at;
                    cursor = k;
                    break;
                }
            }
            if (done == null) {
                cursor = n;
            }
            outcomes.add(outcome(work, done, now, until));
        }
        return new Result(now, until, staff.workers(), outcomes);
    }

    /**
     * A staff's segments over the span, and each schedule's working intervals, computed once per span (staffing and
     * allocation run the simulation many times with the same staff or schedules).
     */
    private synchronized List<Staff.Segment> segments(Staff staff, Instant now, Instant until) {
        if (!now.equals(spanFrom) || !until.equals(spanTo) || segments.size() > 10_000) {
            spanFrom = now;
            spanTo = until;
            intervals.clear();
            segments.clear();
        }
        List<Staff.Segment> known = segments.get(staff);
        if (known == null) {
            known = staff.segments(schedule -> intervals.computeIfAbsent(schedule, s -> s.working(now, until)));
            segments.put(staff, known);
        }
        return known;
    }

    /** Hours of work delivered per hour of a segment. */
    private double rate(Staff.Segment segment) {
        return segment.workers() * productiveShare;
    }

    private static Outcome outcome(OpenWork work, Instant done, Instant now, Instant until) {
        Instant deadline = work.deadline();
        if (deadline == null) {
            return new Outcome(work, done, false, false);
        }
        boolean overdue = !deadline.isAfter(now);
        boolean breaches = overdue || (done == null ? deadline.isBefore(until) : done.isAfter(deadline));
        return new Outcome(work, done, overdue, breaches);
    }

    /**
     * One item's fate.
     *
     * @param expectedCompletion when it is expected done; null when not before the end of the simulation
     * @param overdue            its deadline has already passed
     */
    public record Outcome(OpenWork work, Instant expectedCompletion, boolean overdue, boolean breaches) {
    }

    /** Every open item's outcome, in the order they are worked. */
    public record Result(Instant now, Instant until, double workers, List<Outcome> outcomes) {

        public Result {
            outcomes = List.copyOf(outcomes);
        }

        /** The items whose deadline falls on or before {@code by} and that miss it (overdue ones included). */
        public List<Outcome> breachesBy(Instant by) {
            return outcomes.stream().filter(o -> o.breaches() && !o.work().deadline().isAfter(by)).toList();
        }

        /** Breaches by {@code by} that staff could still prevent (not yet overdue). */
        public List<Outcome> avoidableBreachesBy(Instant by) {
            return breachesBy(by).stream().filter(o -> !o.overdue()).toList();
        }

        /** Items whose deadline falls between now and {@code by}: the ones an SLA target counts. */
        public long dueBy(Instant by) {
            return outcomes.stream().filter(o -> o.work().deadline() != null && !o.overdue()
                    && !o.work().deadline().isAfter(by)).count();
        }

        public static BigDecimal money(List<Outcome> outcomes) {
            return outcomes.stream().map(o -> o.work().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }
}
