package health.ordo.application.service.event;

import health.ordo.application.port.in.event.WebhookDelivery;
import health.ordo.application.port.in.event.WebhookSubscriptionNotFoundException;
import health.ordo.application.port.in.event.WebhookSubscriptionsUseCase;
import health.ordo.application.port.out.audit.AuditLogPort;
import health.ordo.application.port.out.audit.ChangeTrailPort;
import health.ordo.application.port.out.event.WebhookPort;
import health.ordo.application.port.out.event.WebhookSenderPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.event.WebhookSubscription;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.spi.http.OutboundRefusedException;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Tenant administrators' webhook subscriptions: targets vetted by the outbound policy, secrets rotated with an overlap, replays. */
public final class WebhookService implements WebhookSubscriptionsUseCase {

    private final WebhookPort webhooks;
    private final WebhookSenderPort sender;
    private final TransactionPort transactions;
    private final Clock clock;
    private final ChangeTrailPort trail;
    private final AuditLogPort auditLog;

    public WebhookService(WebhookPort webhooks, WebhookSenderPort sender, TransactionPort transactions, Clock clock, ChangeTrailPort trail,
                          AuditLogPort auditLog) {
        this.webhooks = webhooks;
        this.sender = sender;
        this.transactions = transactions;
        this.clock = clock;
        this.trail = trail;
        this.auditLog = auditLog;
    }

    /** What the audit trail shows of a subscription: target, types, state, the PHI grant, when its secret last changed. */
    private static Map<String, String> auditable(WebhookSubscription s) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (s != null) {
            fields.put("url", s.url());
            fields.put("eventTypes", String.join(",", new java.util.TreeSet<>(s.eventTypes())));
            fields.put("enabled", Boolean.toString(s.enabled()));
            fields.put("phiAllowed", Boolean.toString(s.phiAllowed()));
            fields.put("secretCreatedAt", s.current().createdAt().toString());
        }
        return fields;
    }

    private void audit(UUID id, WebhookSubscription before, WebhookSubscription after) {
        trail.changed("webhook-subscriptions", id.toString(), auditable(before), auditable(after)).ifPresent(auditLog::append);
    }

    @Override
    public WebhookSubscription create(TenantId tenant, String url, List<String> eventTypes, String description, boolean phiAllowed,
                                      String createdBy) {
        WebhookSubscription subscription = WebhookSubscription.create(tenant, url, eventTypes, description, phiAllowed, createdBy,
                clock.instant());
        vet(subscription.url());
        return transactions.inTransaction(tenant, () -> {
            webhooks.insert(subscription);
            audit(subscription.id(), null, subscription);
            return subscription;
        });
    }

    @Override
    public List<WebhookSubscription> list(TenantId tenant) {
        return transactions.readOnly(tenant, () -> webhooks.list(tenant));
    }

    @Override
    public WebhookSubscription get(TenantId tenant, UUID id) {
        return transactions.readOnly(tenant, () -> webhooks.find(tenant, id)
                .orElseThrow(() -> new WebhookSubscriptionNotFoundException(id.toString())));
    }

    @Override
    public WebhookSubscription change(TenantId tenant, UUID id, String url, List<String> eventTypes, String description, Boolean enabled,
                                      Boolean phiAllowed) {
        if (url != null) {
            vet(url.trim());
        }
        return transactions.inTransaction(tenant, () -> {
            WebhookSubscription before = locked(tenant, id);
            WebhookSubscription changed = before.change(url, eventTypes, description, enabled, phiAllowed);
            webhooks.update(changed);
            audit(id, before, changed);
            return changed;
        });
    }

    @Override
    public WebhookSubscription rotate(TenantId tenant, UUID id, Duration overlap) {
        return transactions.inTransaction(tenant, () -> {
            WebhookSubscription before = locked(tenant, id);
            WebhookSubscription rotated = before.rotate(clock.instant(), overlap);
            webhooks.update(rotated);
            audit(id, before, rotated);
            return rotated;
        });
    }

    @Override
    public void delete(TenantId tenant, UUID id) {
        transactions.inTransaction(tenant, () -> {
            WebhookSubscription before = locked(tenant, id);
            webhooks.delete(tenant, id, clock.instant());
            audit(id, before, null);
            return null;
        });
    }

    @Override
    public List<WebhookDelivery> deliveries(TenantId tenant, UUID id, WebhookDelivery.Status status, int limit) {
        InvalidValueException.require(limit >= 1 && limit <= 1000, "limit", "limit is between 1 and 1000");
        return transactions.readOnly(tenant, () -> {
            webhooks.find(tenant, id).orElseThrow(() -> new WebhookSubscriptionNotFoundException(id.toString()));
            return webhooks.deliveries(tenant, id, status, limit);
        });
    }

    @Override
    public int replay(TenantId tenant, UUID id, ReplayRange range) {
        return transactions.inTransaction(tenant, () -> {
            WebhookSubscription subscription = locked(tenant, id);
            checkRange(range);
            int count = webhooks.countReplayable(tenant, subscription, range);
            InvalidValueException.require(count <= MAX_REPLAY, range.eventIds() != null ? "eventIds" : range.from() != null ? "to" : "toPosition",
                    "the range holds " + count + " events; a replay re-sends at most " + MAX_REPLAY + ": narrow it");
            return webhooks.replay(tenant, subscription, range, clock.instant());
        });
    }

    private static void checkRange(ReplayRange range) {
        int kinds = (range.fromPosition() != null || range.toPosition() != null ? 1 : 0) + (range.from() != null || range.to() != null ? 1 : 0)
                + (range.eventIds() != null ? 1 : 0);
        InvalidValueException.require(kinds == 1, "fromPosition",
                "name one range: fromPosition and toPosition, from and to (times), or eventIds");
        if (range.eventIds() != null) {
            InvalidValueException.require(!range.eventIds().isEmpty() && range.eventIds().size() <= MAX_REPLAY, "eventIds",
                    "eventIds holds 1 to " + MAX_REPLAY + " event ids");
        } else if (range.from() != null || range.to() != null) {
            InvalidValueException.require(range.from() != null, "from", "from is required with to");
            InvalidValueException.require(range.to() != null, "to", "to is required with from");
            InvalidValueException.require(!range.to().isBefore(range.from()), "to", "to is before from");
        } else {
            InvalidValueException.require(range.fromPosition() != null && range.fromPosition() >= 1, "fromPosition",
                    "fromPosition is a feed position (1 or more)");
            InvalidValueException.require(range.toPosition() != null && range.toPosition() >= range.fromPosition(), "toPosition",
                    "toPosition is required and not before fromPosition");
        }
    }

    private WebhookSubscription locked(TenantId tenant, UUID id) {
        return webhooks.lock(tenant, id).orElseThrow(() -> new WebhookSubscriptionNotFoundException(id.toString()));
    }

    private void vet(String url) {
        try {
            sender.check(url);
        } catch (OutboundRefusedException | IllegalArgumentException e) {
            throw new InvalidValueException("url", e.getMessage());
        }
    }
}
