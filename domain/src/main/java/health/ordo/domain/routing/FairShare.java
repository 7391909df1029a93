package health.ordo.domain.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The order in which a worker's queues are tried for the next item: a weighted random permutation (Efraimidis–
 * Spirakis keys u^(1/w)), so that a queue of weight w comes first with probability w / Σw. Rule: while several
 * queues have work, each gets a share of claims proportional to its weight (3:1 → the light queue about a
 * quarter), and no queue with work can starve; a queue without eligible work is skipped for the next in order.
 * Stateless, so every node applies it without coordination.
 */
public final class FairShare {

    private FairShare() {
    }

    public static List<String> order(Map<String, Integer> weights, RandomGenerator random) {
        List<Map.Entry<String, Double>> keyed = new ArrayList<>(weights.size());
        weights.forEach((queue, weight) -> keyed.add(Map.entry(queue, Math.pow(random.nextDouble(), 1.0 / Math.max(1, weight)))));
        keyed.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        return keyed.stream().map(Map.Entry::getKey).toList();
    }
}
