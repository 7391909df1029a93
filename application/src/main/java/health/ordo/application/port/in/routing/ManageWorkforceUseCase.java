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

    /** @return false when the queue still holds open work (it is then kept) or does not exist */
    boolean deleteQueue(TenantId tenant, String id);

    List<Worker> workers(TenantId tenant);

    Optional<Worker> worker(TenantId tenant, String login);

    Worker saveWorker(Worker worker);

    boolean deleteWorker(TenantId tenant, String login);

    Worker setAvailability(TenantId tenant, String login, boolean available, Integer capacity);

    List<RoutingRule> rules(TenantId tenant);

    RoutingRule saveRule(RoutingRule rule);

    boolean deleteRule(TenantId tenant, String id);

    QueueStats stats(TenantId tenant, String queueId);
}
