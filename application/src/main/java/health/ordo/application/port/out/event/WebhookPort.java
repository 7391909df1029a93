package health.ordo.application.port.out.event;

import health.ordo.application.port.in.event.WebhookDelivery;
import health.ordo.application.port.in.event.WebhookSubscriptionsUseCase.ReplayRange;
import health.ordo.domain.event.PublishedEvent;
import health.ordo.domain.event.WebhookSubscription;
import health.ordo.domain.shared.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhook subscriptions (secrets sealed at rest), deliveries and their attempts, in PostgreSQL. */
public interface WebhookPort {

    /** A leased delivery with what sending it needs. */
    record Due(long id, WebhookSubscription subscription, int attempts, PublishedEvent event) {
    }

    void insert(WebhookSubscription subscription);

    /** The subscription (not deleted), locked for the caller's transaction. */
    Optional<WebhookSubscription> lock(TenantId tenant, UUID id);

    /** The subscription (not deleted), unlocked. */
    Optional<WebhookSubscription> find(TenantId tenant, UUID id);

    List<WebhookSubscription> list(TenantId tenant);

    void update(WebhookSubscription subscription);

    void delete(TenantId tenant, UUID id, Instant at);

    /** The tenants with pending deliveries due at {@code now} and not leased, the one with the oldest first (unlocked). */
    List<TenantId> tenantsWithDue(Instant now);

    /**
     * Leases up to {@code limit} of the tenant's pending deliveries due at {@code now} of enabled subscriptions, each the
     * oldest pending one of its subscription and subject (so a subject's events arrive in order), with
     * {@code FOR UPDATE SKIP LOCKED}: two nodes never send the same delivery at once.
     */
    List<Due> leaseDue(TenantId tenant, Instant now, Duration lease, int limit);

    void recordAttempt(TenantId tenant, long delivery, WebhookDelivery.Attempt attempt);

    void markDelivered(TenantId tenant, long delivery, int attempts, int statusCode, Instant at);

    /** Pending again at {@code next}, or dead-lettered when {@code next} is null. */
    void markFailed(TenantId tenant, long delivery, int attempts, Integer statusCode, String error, Instant next);

    /** The subscription answered: its failure record ends. */
    void succeeded(TenantId tenant, UUID subscription);

    /** The subscription failed at {@code at}: answers since when it has been failing without a success. */
    Instant failing(TenantId tenant, UUID subscription, Instant at);

    /**
     * Disables a subscription that kept failing, with the reason, and writes a {@code WebhookSubscriptionDisabled} event to
     * the outbox in the same transaction (its owner and the tenant's other consumers are told).
     */
    void disable(TenantId tenant, UUID subscription, String reason, Instant at);

    List<WebhookDelivery> deliveries(TenantId tenant, UUID subscription, WebhookDelivery.Status status, int limit);

    /** How many events of the range the subscription takes. */
    int countReplayable(TenantId tenant, WebhookSubscription subscription, ReplayRange range);

    /** Queues a replay delivery of each of them; answers how many. */
    int replay(TenantId tenant, WebhookSubscription subscription, ReplayRange range, Instant now);
}
