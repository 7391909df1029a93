package health.ordo.application.service.writeback;

import health.ordo.application.service.TenantRounds;
import health.ordo.application.port.in.writeback.WriteBack;
import health.ordo.application.port.in.writeback.WriteBackNotFoundException;
import health.ordo.application.port.in.writeback.WriteBackUseCase;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.writeback.WriteBackOutboxPort;
import health.ordo.application.port.out.writeback.WriteBackTargetPort;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Provenance;
import health.ordo.domain.workitem.NotAllowedException;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The write-back outbox. When an item from a source system that takes write-backs completes, its resolution is queued in
 * the same transaction ({@link #plan}); a scheduled round leases due entries and delivers them. A failed or unconfigured
 * delivery is retried with exponential backoff (base doubling per attempt, capped, plus jitter) and holds back the
 * write-backs queued after it for the same source, so they replay in queue order once it is back; one the target refuses
 * for {@code maxAttempts} attempts is set aside as FAILED (never dropped; retried on request) and no longer holds the
 * others back; the idempotency key
 * ({@code <item id>:<resolution>}) makes a retry after a lost answer harmless.
 */
public final class WriteBackService implements WriteBackUseCase {

    /** How long one node holds a leased write-back before another may try it. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final WriteBackOutboxPort outbox;
    private final TransactionPort transactions;
    private final List<WriteBackTargetPort> targets;
    private final Clock clock;
    private final Duration retryBase;
    private final Duration retryMax;
    private final int maxAttempts;

    /** @param maxAttempts refusals by the target after which a write-back is set aside as FAILED (outages never count) */
    public WriteBackService(WriteBackOutboxPort outbox, TransactionPort transactions, List<WriteBackTargetPort> targets,
                            Clock clock, Duration retryBase, Duration retryMax, int maxAttempts) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.targets = List.copyOf(targets);
        this.clock = clock;
        this.retryBase = retryBase;
        this.retryMax = retryMax;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Within the completing transaction: queues the item's resolution when a target handles its source system — a
     * target of the deployment (known here), or a tenant's stored connector (known to the outbox's insert itself).
     */
    public void plan(WorkItem item, Instant now) {
        if (item.status() != WorkItemStatus.COMPLETED) {
            return;
        }
        if (!item.provenance().mayWriteBack()) {
            // created through the API (or seeded): its source system is only its creator's claim, never a licence to write
            return;
        }
        String system = item.content().source().system();
        String resolution = item.resolutionCode() == null ? "COMPLETED" : item.resolutionCode();
        String via = item.provenance().channel() == Provenance.Channel.CONNECTOR ? item.provenance().name() : null;
        WriteBack writeBack = new WriteBack(UUID.randomUUID(), item.tenantId(), item.id(), system,
                item.content().source().externalId(), resolution, item.content().title(), item.id().value() + ":" + resolution,
                WriteBack.Status.PENDING, 0, now, null, now, null, via);
        if (targets.stream().anyMatch(t -> t.handlesFromDeployment(item.tenantId(), system, via))) {
            outbox.enqueue(writeBack);
        } else {
            outbox.enqueueIfConnector(writeBack);
        }
    }

    /**
     * The target of a write-back: the connector that brought its item in, or for an item an inbound channel brought in
     * the deployment's target of its source system before a connector of that system (never the order of the beans).
     */
    private Optional<WriteBackTargetPort> target(WriteBack writeBack) {
        return targets.stream().filter(t -> t.handles(writeBack.tenant(), writeBack.sourceSystem(), writeBack.viaConnector()))
                .min(java.util.Comparator.comparing(WriteBackTargetPort::throughConnectors));
    }

    @Override
    public int dispatchDue(int limit) {
        Instant now = clock.instant();
        List<WriteBack> due = new java.util.ArrayList<>();
        TenantRounds.tenantByTenant(transactions, () -> outbox.tenantsWithDue(now), limit, (tenant, room) -> {
            List<WriteBack> leased = outbox.leaseDue(tenant, now, LEASE, room);
            due.addAll(leased);
            return leased.size();
        });
        java.util.Map<String, Instant> heldBack = new java.util.HashMap<>();
        for (WriteBack writeBack : due) {
            String source = writeBack.tenant().value() + "/" + writeBack.sourceSystem();
            if (heldBack.containsKey(source)) {
                Instant until = heldBack.get(source);
                transactions.inTransaction(writeBack.tenant(), () -> {
                    outbox.markRetry(writeBack.tenant(), writeBack.id(), writeBack.attempts(), until, "held back: an earlier write-back to "
                            + writeBack.sourceSystem() + " has not applied yet");
                    return null;
                });
                continue;
            }
            WriteBackTargetPort.Delivery delivery;
            try {
                delivery = target(writeBack)
                        .map(t -> t.deliver(writeBack))
                        .orElse(new WriteBackTargetPort.Delivery(WriteBackTargetPort.Delivery.Status.NOT_CONFIGURED,
                                "no write-back target for " + writeBack.sourceSystem()));
            } catch (RuntimeException e) {
                delivery = new WriteBackTargetPort.Delivery(WriteBackTargetPort.Delivery.Status.FAILED, e.toString());
            }
            Instant at = clock.instant();
            switch (delivery.status()) {
                case APPLIED, ALREADY_APPLIED -> {
                    String detail = delivery.detail();
                    transactions.inTransaction(writeBack.tenant(), () -> {
                        outbox.markApplied(writeBack.tenant(), writeBack.id(), at, detail);
                        return null;
                    });
                }
                case FAILED, REFUSED, NOT_CONFIGURED -> {
                    int attempts = writeBack.attempts() + 1;
                    String error = delivery.detail();
                    Instant next = at.plus(backoff(attempts)).plusMillis(jitter(attempts));
                    boolean refused = delivery.status() == WriteBackTargetPort.Delivery.Status.REFUSED;
                    // refusals (not outages) count; at maxAttempts of them it is set aside (shown, retried on request)
                    // and the later ones to its source go on
                    boolean setAside = transactions.inTransaction(writeBack.tenant(), () -> {
                        if (refused && outbox.markRefused(writeBack.tenant(), writeBack.id(), attempts, next, error, maxAttempts)) {
                            return true;
                        }
                        if (!refused) {
                            outbox.markRetry(writeBack.tenant(), writeBack.id(), attempts, next, error);
                        }
                        outbox.deferLater(writeBack.tenant(), writeBack.sourceSystem(), writeBack.createdAt(), next);
                        return false;
                    });
                    if (!setAside) {
                        heldBack.put(source, next);
                    }
                }
            }
        }
        return due.size();
    }

    /** Up to a tenth of the backoff at random, so retries of many write-backs do not arrive at the source together. */
    private long jitter(int attempts) {
        return java.util.concurrent.ThreadLocalRandom.current().nextLong(backoff(attempts).toMillis() / 10 + 1);
    }

    /** base × 2^(attempts − 1), at most the cap. */
    Duration backoff(int attempts) {
        Duration delay = retryBase;
        for (int i = 1; i < attempts && delay.compareTo(retryMax) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }

    @Override
    public List<WriteBack> list(TenantId tenant, WriteBack.Status status, int limit) {
        return transactions.readOnly(tenant, () -> outbox.list(tenant, status, limit));
    }

    @Override
    public WriteBack retry(TenantId tenant, UUID id) {
        return transactions.inTransaction(tenant, () -> {
            WriteBack writeBack = outbox.lock(tenant, id).orElseThrow(() -> new WriteBackNotFoundException(id.toString()));
            if (writeBack.status() == WriteBack.Status.APPLIED) {
                throw new NotAllowedException("APPLIED_ONCE", "write-back " + id + " has applied; there is nothing to retry");
            }
            if (writeBack.status() == WriteBack.Status.FAILED) {
                outbox.requeue(tenant, id, clock.instant());
            }
            return outbox.lock(tenant, id).orElseThrow();
        });
    }
}
