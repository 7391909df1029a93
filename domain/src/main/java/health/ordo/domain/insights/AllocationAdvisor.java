package health.ordo.domain.insights;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where to move capacity: ranked, explained moves of workers from one queue to another until a date, each scored by the
 * breach simulation of both queues (the breaches and money at risk avoided in the queue receiving the worker, less those
 * added in the queue giving them up). Greedy: the best move is taken, the queues' staff updated, and the next best
 * looked for, so recommendations never count the same capacity twice. A worker may move only to a queue whose required
 * skills they have (at the required proficiency) and that sits at their site or at none; workers who are unavailable or
 * have no capacity are not staff. Moves of the same kind (same team, skills, from, to) are reported together.
 */
public final class AllocationAdvisor {

    private static final int MAX_REMEMBERED = 4_000;

    /** A simulation's avoidable breaches by the date: how many, and the money at stake. */
    private record Breaches(int count, BigDecimal money) {
    }

    private final Map<BreachSimulation.Result, Breaches> counted = new java.util.IdentityHashMap<>();

    private final BreachSimulation simulation;
    private final Map<List<Object>, BreachSimulation.Result> memo = new HashMap<>();

    public AllocationAdvisor(BreachSimulation simulation) {
        this.simulation = Objects.requireNonNull(simulation, "simulation");
    }

    /** A queue as allocation sees it: its open work, arrivals, site and the skills its items require. */
    public record QueueState(String queue, String site, Map<String, Integer> requiredSkills, List<OpenWork> open, ArrivalLoad arrivals) {
        public QueueState {
            requiredSkills = Map.copyOf(requiredSkills);
            open = open.stream().sorted(OpenWork.ORDO_ORDER).toList(); // in the order worked: each simulation then sorts nothing
        }
    }

    /**
     * A worker: the share of their time each queue gets now, and their schedule (their calendar and days off; null: the
     * simulation's calendar), which moves with them.
     */
    public record StaffMember(String login, String team, String site, Map<String, Integer> skills, Map<String, Double> shares,
                              Staff.Schedule schedule) {
        public StaffMember {
            skills = Map.copyOf(skills);
            shares = Map.copyOf(shares);
        }

        public StaffMember(String login, String team, String site, Map<String, Integer> skills, Map<String, Double> shares) {
            this(login, team, site, skills, shares, null);
        }

        boolean qualifiesFor(QueueState queue) {
            boolean siteFits = queue.site() == null || site == null || queue.site().equals(site);
            return siteFits && queue.requiredSkills().entrySet().stream()
                    .allMatch(required -> skills.getOrDefault(required.getKey(), 0) >= required.getValue());
        }
    }

    /**
     * A recommendation: move {@code workers} workers of a team (with the skills named) from one queue to another until
     * {@code by}.
     */
    public record Move(String team, Set<String> skills, String fromQueue, String toQueue, List<String> logins, double workers,
                       int breachesAvoided, int breachesAdded, BigDecimal moneySaved, BigDecimal moneyAdded) {

        public int netBreachesAvoided() {
            return breachesAvoided - breachesAdded;
        }

        public BigDecimal netMoneySaved() {
            return moneySaved.subtract(moneyAdded);
        }

        /** e.g. "move 2 workers with skill appeals from team north (queue ap-exceptions) to queue denials: 41 fewer breaches, 212000.00 less at risk". */
        public String explanation() {
            String who = (workers == Math.rint(workers) ? String.valueOf((long) workers) : String.valueOf(workers))
                    + (workers == 1 ? " worker" : " workers") + (skills.isEmpty() ? "" : " with skill " + String.join(", ", skills))
                    + (team == null ? "" : " from team " + team);
            return "move " + who + " (queue " + fromQueue + ") to queue " + toQueue + ": " + netBreachesAvoided() + " fewer breaches, "
                    + netMoneySaved().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " less at risk";
        }
    }

    public List<Move> recommend(Instant now, Instant by, Instant until, List<QueueState> queues, List<StaffMember> staff, int maxMoves) {
        memo.clear();
        counted.clear();
        Map<String, QueueState> byName = new LinkedHashMap<>();
        queues.forEach(queue -> byName.put(queue.queue(), queue));
        Map<String, Staff> staffs = new HashMap<>();
        staff.forEach(member -> member.shares().forEach((queue, share) ->
                staffs.put(queue, staffs.getOrDefault(queue, Staff.NONE).plus(schedule(member), share))));
        Map<String, BreachSimulation.Result> results = new HashMap<>();
        byName.values().forEach(queue -> results.put(queue.queue(), run(now, until, queue, staffs.getOrDefault(queue.queue(), Staff.NONE))));
        List<StaffMember> pool = new ArrayList<>(staff);
        List<Move> moves = new ArrayList<>();
        for (int round = 0; round < maxMoves; round++) {
            Move best = null;
            StaffMember bestMember = null;
            Map<String, BreachSimulation.Result> bestResults = null;
            Set<List<Object>> tried = new HashSet<>();
            for (QueueState receiver : receivers(byName, results, by)) {
                for (StaffMember member : pool) {
                    for (Map.Entry<String, Double> share : member.shares().entrySet()) {
                        String from = share.getKey();
                        QueueState donor = byName.get(from);
                        if (from.equals(receiver.queue()) || donor == null || !member.qualifiesFor(receiver)) {
                            continue;
                        }
                        // workers alike (same queue, share, team, site, skills, schedule) give the same answer: evaluate one
                        if (!tried.add(Arrays.asList(from, receiver.queue(), share.getValue(), member.team(), member.site(), member.skills(),
                                schedule(member)))) {
                            continue;
                        }
                        double moved = share.getValue();
                        BreachSimulation.Result receiving = run(now, until, receiver,
                                staffs.getOrDefault(receiver.queue(), Staff.NONE).plus(schedule(member), moved));
                        BreachSimulation.Result giving = run(now, until, donor, staffs.getOrDefault(from, Staff.NONE).plus(schedule(member), -moved));
                        Breaches receiverBefore = breaches(results.get(receiver.queue()), by);
                        Breaches receiverAfter = breaches(receiving, by);
                        Breaches donorBefore = breaches(results.get(from), by);
                        Breaches donorAfter = breaches(giving, by);
                        Move move = new Move(member.team(), member.skills().keySet(), from, receiver.queue(), List.of(member.login()), moved,
                                receiverBefore.count() - receiverAfter.count(), donorAfter.count() - donorBefore.count(),
                                receiverBefore.money().subtract(receiverAfter.money()), donorAfter.money().subtract(donorBefore.money()));
                        if (better(move, best)) {
                            best = move;
                            bestMember = member;
                            bestResults = Map.of(receiver.queue(), receiving, from, giving);
                        }
                    }
                }
            }
            if (best == null) {
                break;
            }
            moves.add(best);
            Staff.Schedule moved = schedule(bestMember);
            staffs.put(best.toQueue(), staffs.getOrDefault(best.toQueue(), Staff.NONE).plus(moved, best.workers()));
            staffs.put(best.fromQueue(), staffs.getOrDefault(best.fromQueue(), Staff.NONE).plus(moved, -best.workers()));
            results.putAll(bestResults);
            pool.remove(bestMember);
        }
        return merge(moves);
    }

    /** Queues with avoidable breaches, most money at risk first (the only ones a move can help). */
    private static List<QueueState> receivers(Map<String, QueueState> queues, Map<String, BreachSimulation.Result> results, Instant by) {
        return queues.values().stream().filter(q -> !results.get(q.queue()).avoidableBreachesBy(by).isEmpty())
                .sorted(Comparator.comparing((QueueState q) -> BreachSimulation.Result.money(results.get(q.queue()).avoidableBreachesBy(by)))
                        .reversed().thenComparing(QueueState::queue))
                .limit(10).toList();
    }

    /** Worth making (fewer breaches overall, or as many and less money at risk), and better than the best so far. */
    private static boolean better(Move move, Move best) {
        boolean worth = move.netBreachesAvoided() > 0 || (move.netBreachesAvoided() == 0 && move.netMoneySaved().signum() > 0);
        if (!worth) {
            return false;
        }
        if (best == null) {
            return true;
        }
        int money = move.netMoneySaved().compareTo(best.netMoneySaved());
        return money > 0 || (money == 0 && move.netBreachesAvoided() > best.netBreachesAvoided());
    }

    /**
     * A queue's simulation with a staff, remembered for this recommendation: a queue's work does not change while moves
     * are weighed, and the same staff recurs (a donor giving up the same share to each receiver, receivers getting the
     * same share of the same schedule from different workers).
     */
    private BreachSimulation.Result run(Instant now, Instant until, QueueState queue, Staff staff) {
        if (memo.size() > MAX_REMEMBERED) {
            memo.clear();
            counted.clear();
        }
        return memo.computeIfAbsent(Arrays.asList(queue.queue(), staff), key -> simulation.run(now, until, queue.open(), staff, queue.arrivals()));
    }

    /** Counted once per simulation (each is weighed against many candidates). */
    private Breaches breaches(BreachSimulation.Result result, Instant by) {
        return counted.computeIfAbsent(result, r -> {
            List<BreachSimulation.Outcome> avoidable = r.avoidableBreachesBy(by);
            return new Breaches(avoidable.size(), BreachSimulation.Result.money(avoidable));
        });
    }

    private Staff.Schedule schedule(StaffMember member) {
        return member.schedule() == null ? Staff.Schedule.of(simulation.calendar()) : member.schedule();
    }

    /** Moves of the same kind (team, skills, from, to) reported as one, their effects summed. */
    private static List<Move> merge(List<Move> moves) {
        Map<String, Move> merged = new LinkedHashMap<>();
        for (Move move : moves) {
            String key = move.team() + '|' + move.skills() + '|' + move.fromQueue() + '|' + move.toQueue();
            merged.merge(key, move, (a, b) -> {
                List<String> logins = new ArrayList<>(a.logins());
                logins.addAll(b.logins());
                return new Move(a.team(), a.skills(), a.fromQueue(), a.toQueue(), logins, a.workers() + b.workers(),
                        a.breachesAvoided() + b.breachesAvoided(), a.breachesAdded() + b.breachesAdded(),
                        a.moneySaved().add(b.moneySaved()), a.moneyAdded().add(b.moneyAdded()));
            });
        }
        return new ArrayList<>(merged.values());
    }
}
