package health.ordo.application.service.routing;

import health.ordo.application.service.TenantRounds;
import health.ordo.application.port.in.routing.ManageWorkforceUseCase;
import health.ordo.application.port.in.routing.QueueNotFoundException;
import health.ordo.application.port.in.routing.QueueStats;
import health.ordo.application.port.in.routing.ReleaseExpiredReservationsUseCase;
import health.ordo.application.port.in.routing.WorkerNotFoundException;
import health.ordo.application.port.out.routing.ClaimNextWorkPort;
import health.ordo.application.port.out.routing.WorkforcePort;
import health.ordo.application.port.out.sla.SlaConfigPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.service.workitem.WorkItemUpdater;
import health.ordo.domain.routing.Queue;
import health.ordo.domain.routing.RoutingRule;
import health.ordo.domain.routing.Worker;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.sla.SlaPolicy;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Queues, workers and routing rules of a tenant, worker availability, queue statistics, reservation timeouts. */
public final class WorkforceService implements ManageWorkforceUseCase, ReleaseExpiredReservationsUseCase {

    private final WorkforcePort workforce;
    private final ClaimNextWorkPort claims;
    private final WorkItemUpdater updater;
    private final TransactionPort transactions;
    private final Clock clock;
    private final SlaConfigPort slaConfig;

    public WorkforceService(WorkforcePort workforce, ClaimNextWorkPort claims, WorkItemUpdater updater,
                            TransactionPort transactions, Clock clock) {
        this(workforce, claims, updater, transactions, clock, null);
    }

    /** @param slaConfig the SLA policies whose escalations may move work into a queue; null where they do not count */
    public WorkforceService(WorkforcePort workforce, ClaimNextWorkPort claims, WorkItemUpdater updater,
                            TransactionPort transactions, Clock clock, SlaConfigPort slaConfig) {
        this.slaConfig = slaConfig;
        this.workforce = workforce;
        this.claims = claims;
        this.updater = updater;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public List<Queue> queues(TenantId tenant) {
        return transactions.readOnly(tenant, () -> workforce.queues(tenant));
    }

    @Override
    public Optional<Queue> queue(TenantId tenant, String id) {
        return transactions.readOnly(tenant, () -> workforce.queue(tenant, id));
    }

    @Override
    public Queue saveQueue(Queue queue) {
        transactions.inTransaction(queue.tenant(), () -> {
            workforce.saveQueue(queue);
            return null;
        });
        return queue;
    }

    @Override
    public boolean deleteQueue(TenantId tenant, String id) {
        return transactions.inTransaction(tenant, () -> {
            if (workforce.queue(tenant, id).isEmpty()) {
                throw new QueueNotFoundException(id);
            }
            return users(tenant, id).isEmpty() && workforce.deleteQueueIfEmpty(tenant, id);
        });
    }

    @Override
    public List<String> queueUsers(TenantId tenant, String id) {
        return transactions.readOnly(tenant, () -> users(tenant, id));
    }

    private List<String> users(TenantId tenant, String id) {
        List<String> users = new java.util.ArrayList<>();
        workforce.rules(tenant).stream().filter(rule -> rule.targetQueue().equals(id)).forEach(rule -> users.add("rule " + rule.id()));
        workforce.workers(tenant).stream().filter(worker -> worker.queues().contains(id)).forEach(worker -> users.add("worker " + worker.login()));
        if (slaConfig != null) {
            slaConfig.policies(tenant).stream().filter(SlaPolicy::active)
                    .filter(policy -> policy.escalations().stream().anyMatch(action -> id.equals(action.moveToQueue())))
                    .forEach(policy -> users.add("SLA policy " + policy.policyId()));
        }
        return users;
    }

    @Override
    public List<Worker> workers(TenantId tenant) {
        return transactions.readOnly(tenant, () -> workforce.workers(tenant));
    }

    @Override
    public Optional<Worker> worker(TenantId tenant, String login) {
        return transactions.readOnly(tenant, () -> workforce.worker(tenant, login));
    }

    @Override
    public Worker saveWorker(Worker worker) {
        transactions.inTransaction(worker.tenant(), () -> {
            for (int i = 0; i < worker.queues().size(); i++) {
                requireQueue(workforce, worker.tenant(), worker.queues().get(i), "queues[" + i + "]");
            }
            workforce.saveWorker(worker);
            return null;
        });
        return worker;
    }

    @Override
    public boolean deleteWorker(TenantId tenant, String login) {
        return transactions.inTransaction(tenant, () -> workforce.deleteWorker(tenant, login));
    }

    @Override
    public Worker setAvailability(TenantId tenant, String login, boolean available, Integer capacity) {
        return transactions.inTransaction(tenant, () -> {
            Worker worker = workforce.lockWorker(tenant, login).orElseThrow(() -> new WorkerNotFoundException(login));
            Worker changed = worker.withAvailability(available, capacity);
            workforce.saveWorker(changed);
            return changed;
        });
    }

    /**
     * Work may only be sent to a queue that exists: one the tenant configured, or a type's default queue (where
     * arriving work lands before anyone configures it). Anything else would strand the work where no worker looks.
     */
    static void requireQueue(WorkforcePort workforce, TenantId tenant, String queue, String field) {
        InvalidValueException.require(queue != null && !queue.isBlank(), field, field + " is required");
        InvalidValueException.require((WorkItemType.isDefaultQueue(queue) || workforce.queue(tenant, queue).isPresent()),
                field, "no queue " + queue + " in this tenant: create it first (PUT /api/v1/queues/" + queue + ")");
    }

    @Override
    public List<RoutingRule> rules(TenantId tenant) {
        return transactions.readOnly(tenant, () -> workforce.rules(tenant));
    }

    @Override
    public RoutingRule saveRule(RoutingRule rule) {
        transactions.inTransaction(rule.tenant(), () -> {
            requireQueue(workforce, rule.tenant(), rule.targetQueue(), "targetQueue");
            workforce.saveRule(rule);
            return null;
        });
        return rule;
    }

    @Override
    public boolean deleteRule(TenantId tenant, String id) {
        return transactions.inTransaction(tenant, () -> workforce.deleteRule(tenant, id));
    }

    @Override
    public java.util.Map<String, java.util.Map<String, Long>> assignedLoad(TenantId tenant) {
        return transactions.readOnly(tenant, () -> workforce.assignedLoad(tenant));
    }

    @Override
    public QueueStats stats(TenantId tenant, String queueId) {
        return transactions.readOnly(tenant, () -> {
            QueueStats stats = workforce.stats(tenant, queueId);
            if (stats.byStatus().isEmpty() && workforce.queue(tenant, queueId).isEmpty()) {
                throw new QueueNotFoundException(queueId);
            }
            return stats;
        });
    }

    @Override
    public int releaseExpired(int limit) {
        Instant now = clock.instant();
        return TenantRounds.tenantByTenant(transactions, () -> claims.tenantsWithExpiredReservations(now), limit, (tenant, room) -> {
            Map<String, Duration> timeouts = new java.util.HashMap<>();
            int released = 0;
            for (WorkItem item : claims.lockExpiredReservations(tenant, now, room)) {
                Duration timeout = timeouts.computeIfAbsent(item.queue(), queue -> workforce.queue(tenant, queue)
                        .map(Queue::reservationTimeout).orElse(Queue.DEFAULT_RESERVATION_TIMEOUT));
                if (item.releaseIfReservationExpired(timeout, now)) {
                    updater.store(item, now);
                    released++;
                }
            }
            return released;
        });
    }

}
