package health.ordo.application.port.out.routing;

import health.ordo.application.port.in.routing.QueueStats;
import health.ordo.domain.routing.Queue;
import health.ordo.domain.routing.RoutingRule;
import health.ordo.domain.routing.Worker;
import health.ordo.domain.shared.TenantId;

import java.util.List;
import java.util.Optional;

/** Stored queues, workers and routing rules. */
public interface WorkforcePort {

    List<Queue> queues(TenantId tenant);

    Optional<Queue> queue(TenantId tenant, String id);

    void saveQueue(Queue queue);

    boolean deleteQueueIfEmpty(TenantId tenant, String id);

    List<Worker> workers(TenantId tenant);

    Optional<Worker> worker(TenantId tenant, String login);

    /** Loads and locks the worker row for this transaction: one get-next-work at a time per worker. */
    Optional<Worker> lockWorker(TenantId tenant, String login);

    /**
     * For get-next-work, in one round trip: locks the worker row for this transaction and reads the capacity units
     * their CLAIMED and IN_PROGRESS items take and the weights of their queues (1 for a queue nobody configured).
     */
    Optional<ClaimingWorker> lockWorkerForClaim(TenantId tenant, String login);

    /** A worker about to claim: profile, capacity in use, and the weights of the queues they serve. */
    record ClaimingWorker(Worker worker, int load, java.util.Map<String, Integer> queueWeights) {
    }

    void saveWorker(Worker worker);

    boolean deleteWorker(TenantId tenant, String login);

    List<RoutingRule> rules(TenantId tenant);

    void saveRule(RoutingRule rule);

    boolean deleteRule(TenantId tenant, String id);

    QueueStats stats(TenantId tenant, String queue);

    /** Per assignee, how many open items they hold in each assigned status (CLAIMED, IN_PROGRESS, ON_HOLD): one query. */
    java.util.Map<String, java.util.Map<String, Long>> assignedLoad(TenantId tenant);
}
