package health.ordo.application.service.routing;

import health.ordo.application.port.in.routing.ManageWorkforceUseCase;
import health.ordo.application.port.in.routing.NotAWorkerException;
import health.ordo.application.port.in.routing.QueueStats;
import health.ordo.application.port.in.routing.ReleaseExpiredReservationsUseCase;
import health.ordo.application.port.out.routing.ClaimNextWorkPort;
import health.ordo.application.port.out.routing.WorkforcePort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.service.workitem.WorkItemUpdater;
import health.ordo.domain.routing.Queue;
import health.ordo.domain.routing.RoutingRule;
import health.ordo.domain.routing.Worker;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItem;

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

    public WorkforceService(WorkforcePort workforce, ClaimNextWorkPort claims, WorkItemUpdater updater,
                            TransactionPort transactions, Clock clock) {
        this.workforce = workforce;
        this.claims = claims;
        this.updater = updater;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public List<Queue> queues(TenantId tenant) {
        return transactions.readOnly(() -> workforce.queues(tenant));
    }

    @Override
    public Optional<Queue> queue(TenantId tenant, String id) {
        return transactions.readOnly(() -> workforce.queue(tenant, id));
    }

    @Override
    public Queue saveQueue(Queue queue) {
        transactions.inTransaction(() -> {
            workforce.saveQueue(queue);
            return null;
        });
        return queue;
    }

    @Override
    public boolean deleteQueue(TenantId tenant, String id) {
        return transactions.inTransaction(() -> workforce.deleteQueueIfEmpty(tenant, id));
    }

    @Override
    public List<Worker> workers(TenantId tenant) {
        return transactions.readOnly(() -> workforce.workers(tenant));
    }

    @Override
    public Optional<Worker> worker(TenantId tenant, String login) {
        return transactions.readOnly(() -> workforce.worker(tenant, login));
    }

    @Override
    public Worker saveWorker(Worker worker) {
        transactions.inTransaction(() -> {
            workforce.saveWorker(worker);
            return null;
        });
        return worker;
    }

    @Override
    public boolean deleteWorker(TenantId tenant, String login) {
        return transactions.inTransaction(() -> workforce.deleteWorker(tenant, login));
    }

    @Override
    public Worker setAvailability(TenantId tenant, String login, boolean available, Integer capacity) {
        return transactions.inTransaction(() -> {
            Worker worker = workforce.lockWorker(tenant, login).orElseThrow(() -> new NotAWorkerException(login));
            Worker changed = worker.withAvailability(available, capacity);
            workforce.saveWorker(changed);
            return changed;
        });
    }

    @Override
    public List<RoutingRule> rules(TenantId tenant) {
        return transactions.readOnly(() -> workforce.rules(tenant));
    }

    @Override
    public RoutingRule saveRule(RoutingRule rule) {
        transactions.inTransaction(() -> {
            workforce.saveRule(rule);
            return null;
        });
        return rule;
    }

    @Override
    public boolean deleteRule(TenantId tenant, String id) {
        return transactions.inTransaction(() -> workforce.deleteRule(tenant, id));
    }

    @Override
    public QueueStats stats(TenantId tenant, String queueId) {
        return transactions.readOnly(() -> workforce.stats(tenant, queueId));
    }

    @Override
    public int releaseExpired(int limit) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            List<WorkItem> expired = claims.lockExpiredReservations(now, limit);
            Map<String, Duration> timeouts = new java.util.HashMap<>();
            int released = 0;
            for (WorkItem item : expired) {
                Duration timeout = timeouts.computeIfAbsent(item.tenantId().value() + "/" + item.queue(), key -> workforce
                        .queue(item.tenantId(), item.queue()).map(Queue::reservationTimeout).orElse(Queue.DEFAULT_RESERVATION_TIMEOUT));
                if (item.releaseIfReservationExpired(timeout, now)) {
                    updater.store(item, now);
                    released++;
                }
            }
            return released;
        });
    }

}
