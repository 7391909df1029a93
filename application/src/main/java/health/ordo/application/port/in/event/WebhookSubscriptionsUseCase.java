package health.ordo.application.port.in.event;

import health.ordo.domain.event.WebhookSubscription;
import health.ordo.domain.shared.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A tenant administrator's webhook subscriptions. The target URL must pass the deployment's outbound policy when it is
 * saved (and again at every delivery). The secret is shown once, when the subscription is created or rotated.
 */
public interface WebhookSubscriptionsUseCase {

    /** What a replay re-sends: events by feed position, by time, or by id (one of the three). */
    record ReplayRange(Long fromPosition, Long toPosition, Instant from, Instant to, List<UUID> eventIds) {
    }

    int MAX_REPLAY = 10_000;

    WebhookSubscription create(TenantId tenant, String url, List<String> eventTypes, String description, boolean phiAllowed,
                               String createdBy);

    List<WebhookSubscription> list(TenantId tenant);

    WebhookSubscription get(TenantId tenant, UUID id);

    /** Null arguments keep what the subscription has. */
    WebhookSubscription change(TenantId tenant, UUID id, String url, List<String> eventTypes, String description, Boolean enabled,
                               Boolean phiAllowed);

    /** A new secret; the previous one keeps signing for {@code overlap}. */
    WebhookSubscription rotate(TenantId tenant, UUID id, Duration overlap);

    void delete(TenantId tenant, UUID id);

    /** Newest first; {@code status} null for all. */
    List<WebhookDelivery> deliveries(TenantId tenant, UUID id, WebhookDelivery.Status status, int limit);

    /** Queues the range's events (those the subscription takes) again; answers how many. */
    int replay(TenantId tenant, UUID id, ReplayRange range);
}
