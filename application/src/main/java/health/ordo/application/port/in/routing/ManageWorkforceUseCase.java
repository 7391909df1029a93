package health.ordo.application.port.in.routing;

import health.ordo.domain.routing.Queue;
import health.ordo.domain.routing.RoutingRule;
import health.ordo.domain.routing.Worker;
import health.ordo.domain.shared.TenantId;

import java.util.List;
import java.util.Optional;

/** Queues, workers and routing rules of a tenant (TENANT_ADMIN), and worker availability (SUPERVISOR). */
public interface ManageWorkforceUseCase {

    List<Queue> queues(TenantId tenant);

    Optional<Queue> queue(TenantId tenant, String id);

    Queue saveQueue(Queue queue);

    /**
     * Deletes a queue that holds no open work and that no routing rule targets and no worker serves; false (nothing
     * deleted) otherwise, with {@link #queueUsers} naming the rules and workers.
     */
    boolean deleteQueue(TenantId tenant, String id);

    /** The routing rules that target the queue and the workers who serve it, e.g. {@code rule high-value}, {@code worker alice@demo}. */
    List<String> queueUsers(TenantId tenant, String id);

    List<Worker> workers(TenantId tenant);

    Optional<Worker> worker(TenantId tenant, String login);

    Worker saveWorker(Worker worker);

    boolean deleteWorker(TenantId tenant, String login);

    Worker setAvailability(TenantId tenant, String login, boolean available, Integer capacity);

    List<RoutingRule> rules(TenantId tenant);

    RoutingRule saveRule(RoutingRule rule);

    boolean deleteRule(TenantId tenant, String id);

    QueueStats stats(TenantId tenant, String queueId);

    /** Per worker login, how many open items they hold in each assigned status (CLAIMED, IN_PROGRESS, ON_HOLD). */
    java.util.Map<String, java.util.Map<String, Long>> assignedLoad(TenantId tenant);
}
