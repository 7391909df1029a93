package health.ordo.application.service.event;

import health.ordo.application.service.TenantRounds;
import health.ordo.application.port.in.event.RelayEventsUseCase;
import health.ordo.application.port.in.event.WebhookDelivery;
import health.ordo.application.port.out.event.EventStorePort;
import health.ordo.application.port.out.event.WebhookPort;
import health.ordo.application.port.out.event.WebhookSenderPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.event.RetrySchedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Events out, on every node. The relay takes committed outbox events into their tenants' feeds and queues their webhook
 * deliveries in one transaction. A delivery round leases due deliveries (SKIP LOCKED), sends them in parallel and records
 * each attempt: a 2xx marks it delivered; anything else retries on the {@link RetrySchedule} and after the last attempt
 * dead-letters it. A node that dies after sending and before marking leaves the lease to run out: the delivery is sent
 * again with the same {@code webhook-id}, which receivers deduplicate on (at-least-once, exactly-once per receiver that
 * deduplicates). A subscription failing without a single success for {@code disableAfter} is disabled and its owner told.
 */
public final class EventRelayService implements RelayEventsUseCase {

    /** How long a node holds a leased delivery; longer than any send may take. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final EventStorePort store;
    private final WebhookPort webhooks;
    private final WebhookSenderPort sender;
    private final TransactionPort transactions;
    private final Clock clock;
    private final Executor senders;
    private final RetrySchedule schedule;
    private final Duration timeout;
    private final Duration disableAfter;

    public EventRelayService(EventStorePort store, WebhookPort webhooks, WebhookSenderPort sender, TransactionPort transactions, Clock clock,
                             Executor senders, RetrySchedule schedule, Duration timeout, Duration disableAfter) {
        this.store = store;
        this.webhooks = webhooks;
        this.sender = sender;
        this.transactions = transactions;
        this.clock = clock;
        this.senders = senders;
        this.schedule = schedule;
        this.timeout = timeout;
        this.disableAfter = disableAfter;
    }

    @Override
    public int relay(int limit) {
        return TenantRounds.tenantByTenant(transactions, store::tenantsWithUnrelayed, limit,
                (tenant, room) -> store.relayNext(tenant, room, clock.instant()).events());
    }

    @Override
    public int deliverDue(int limit) {
        Instant now = clock.instant();
        List<WebhookPort.Due> due = new ArrayList<>();
        TenantRounds.tenantByTenant(transactions, () -> webhooks.tenantsWithDue(now), limit, (tenant, room) -> {
            List<WebhookPort.Due> leased = webhooks.leaseDue(tenant, now, LEASE, room);
            due.addAll(leased);
            return leased.size();
        });
        List<CompletableFuture<Void>> sends = new ArrayList<>(due.size());
        for (WebhookPort.Due delivery : due) {
            sends.add(CompletableFuture.runAsync(() -> deliver(delivery), senders));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        return due.size();
    }

    private void deliver(WebhookPort.Due due) {
        var subscription = due.subscription();
        var tenant = subscription.tenant();
        Instant sentAt = clock.instant();
        WebhookSenderPort.Answer answer;
        try {
            answer = sender.send(subscription.url(), due.event().id().toString(), sentAt, subscription.signingSecrets(sentAt),
                    due.event().envelope(subscription.phiAllowed()), timeout);
        } catch (RuntimeException e) {
            answer = new WebhookSenderPort.Answer(null, e.toString(), 0);
        }
        int attempts = due.attempts() + 1;
        WebhookSenderPort.Answer result = answer;
        transactions.inTransaction(tenant, () -> {
            webhooks.recordAttempt(tenant, due.id(), new WebhookDelivery.Attempt(attempts, sentAt, result.statusCode(), result.latencyMillis(),
                    result.delivered() ? null : result.error()));
            if (result.delivered()) {
                webhooks.markDelivered(tenant, due.id(), attempts, result.statusCode(), clock.instant());
                webhooks.succeeded(tenant, subscription.id());
                return null;
            }
            Optional<Duration> wait = schedule.after(attempts, ThreadLocalRandom.current());
            webhooks.markFailed(tenant, due.id(), attempts, result.statusCode(), result.error(), wait.map(sentAt::plus).orElse(null));
            Instant failingSince = webhooks.failing(tenant, subscription.id(), sentAt);
            if (!failingSince.plus(disableAfter).isAfter(sentAt)) {
                webhooks.disable(tenant, subscription.id(), "every delivery failed since " + failingSince + " (last: "
                        + (result.statusCode() == null ? result.error() : "status " + result.statusCode()) + ")", sentAt);
            }
            return null;
        });
    }
}
