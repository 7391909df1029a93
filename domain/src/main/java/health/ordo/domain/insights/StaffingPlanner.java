package health.ordo.domain.insights;

import java.time.Instant;
import java.util.List;

/**
 * How many workers a queue needs: the smallest whole staff for which the breach simulation keeps the share of items due
 * by a date that meet their deadline at or above a target. More staff never breaches more in the fluid model, so a
 * binary search over the staff finds it.
 */
public final class StaffingPlanner {

    public static final int MAX_WORKERS = 1000;

    private final BreachSimulation simulation;

    public StaffingPlanner(BreachSimulation simulation) {
        this.simulation = simulation;
    }

    /**
     * @param target the share of items due by {@code by} that must meet their deadline, e.g. 0.95; items already overdue
     *               are left out (no staff can save them)
     * @return the staff needed and the simulation with it; {@code MAX_WORKERS} with its simulation when even that does
     *         not meet the target
     */
    public Plan plan(Instant now, Instant by, Instant until, List<OpenWork> open, ArrivalLoad arrivals, double target) {
        if (!(target >= 0 && target <= 1)) {
            throw new IllegalArgumentException("the target lies between 0 and 1");
        }
        int low = 0;
        int high = MAX_WORKERS;
        BreachSimulation.Result best = simulation.run(now, until, open, high, arrivals);
        if (!meets(best, by, target)) {
            return new Plan(high, false, best);
        }
        while (low < high) {
            int middle = (low + high) / 2;
            BreachSimulation.Result result = simulation.run(now, until, open, middle, arrivals);
            if (meets(result, by, target)) {
                high = middle;
                best = result;
            } else {
                low = middle + 1;
            }
        }
        if (best.workers() != high) {
            best = simulation.run(now, until, open, high, arrivals);
        }
        return new Plan(high, true, best);
    }

    static boolean meets(BreachSimulation.Result result, Instant by, double target) {
        long due = result.dueBy(by);
        if (due == 0) {
            return true;
        }
        long met = due - result.avoidableBreachesBy(by).size();
        return met >= Math.ceil(target * due - 1e-9);
    }

    /** The staff found, whether it meets the target at all, and the simulation with that staff. */
    public record Plan(int workers, boolean feasible, BreachSimulation.Result result) {
    }
}
