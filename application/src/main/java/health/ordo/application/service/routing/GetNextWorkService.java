package health.ordo.application.service.routing;

import health.ordo.application.port.in.routing.GetNextWorkUseCase;
import health.ordo.application.port.in.routing.NotAWorkerException;
import health.ordo.application.port.out.routing.ClaimNextWorkPort;
import health.ordo.application.port.out.routing.WorkforcePort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.service.workitem.WorkItemUpdater;
import health.ordo.domain.routing.FairShare;
import health.ordo.domain.routing.Worker;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.WorkItem;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Get next work in one transaction: lock the worker's row and read their load and queue weights in one round trip
 * (their own calls queue up, so capacity holds), compute the room left, then try the worker's queues in fair-share order, each with one SKIP LOCKED probe for the best item that
 * fits; claim the first found. Concurrent workers never wait for each other and never get the same item.
 */
public final class GetNextWorkService implements GetNextWorkUseCase {

    private final WorkforcePort workforce;
    private final ClaimNextWorkPort claims;
    private final WorkItemUpdater updater;
    private final TransactionPort transactions;
    private final Clock clock;

    public GetNextWorkService(WorkforcePort workforce, ClaimNextWorkPort claims, WorkItemUpdater updater,
                              TransactionPort transactions, Clock clock) {
        this.workforce = workforce;
        this.claims = claims;
        this.updater = updater;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Optional<WorkItem> next(TenantId tenant, Actor actor, boolean start) {
        return transactions.inTransaction(tenant, () -> {
            WorkforcePort.ClaimingWorker claiming = workforce.lockWorkerForClaim(tenant, actor.name())
                    .orElseThrow(() -> new NotAWorkerException(actor.name()));
            Worker worker = claiming.worker();
            if (!worker.available()) {
                return Optional.empty();
            }
            int room = worker.capacity() - claiming.load();
            if (room <= 0) {
                return Optional.empty();
            }
            for (String queue : FairShare.order(claiming.queueWeights(), ThreadLocalRandom.current())) {
                Optional<WorkItem> found = claims.lockNextReady(tenant, queue, room, worker.skills());
                if (found.isPresent()) {
                    WorkItem item = found.get();
                    Instant now = clock.instant();
                    java.util.Map<String, String> before = WorkItemUpdater.auditable(item);
                    item.claim(actor, now, true);
                    if (start) {
                        item.start(actor, now);
                    }
                    updater.store(item, before, now);
                    return Optional.of(item);
                }
            }
            return Optional.empty();
        });
    }
}
