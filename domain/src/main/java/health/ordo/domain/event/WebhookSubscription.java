package health.ordo.domain.event;

import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant's webhook subscription: where events go, which types (none listed: all), whether free-text fields that may hold
 * PHI are included (only a tenant administrator may allow it), and the signing secrets. The newest secret signs; after a
 * rotation the previous one keeps signing too until its overlap ends, so a receiver can switch without losing a message.
 */
public record WebhookSubscription(UUID id, TenantId tenant, String url, Set<String> eventTypes, String description,
                                  boolean enabled, boolean phiAllowed, List<Secret> secrets, String createdBy, Instant createdAt,
                                  Instant failingSince, String disabledReason) {

    /** A signing secret; {@code notAfter} is null for the current one, the end of its overlap for a rotated one. */
    public record Secret(String value, Instant createdAt, Instant notAfter) {
    }

    public WebhookSubscription {
        eventTypes = Set.copyOf(eventTypes);
        secrets = List.copyOf(secrets);
    }

    /** A new, enabled subscription with a fresh secret; the types must be in the catalogue. */
    public static WebhookSubscription create(TenantId tenant, String url, List<String> eventTypes, String description,
                                             boolean phiAllowed, String createdBy, Instant now) {
        return new WebhookSubscription(UUID.randomUUID(), tenant, checkedUrl(url), checkedTypes(eventTypes), checkedDescription(description),
                true, phiAllowed, List.of(new Secret(WebhookSecrets.newSecret(), now, null)), createdBy, now, null, null);
    }

    /** The subscription changed: a null argument keeps what it was. Enabling it again clears the failure record. */
    public WebhookSubscription change(String newUrl, List<String> newTypes, String newDescription, Boolean newEnabled, Boolean newPhiAllowed) {
        boolean enable = newEnabled == null ? enabled : newEnabled;
        boolean reenabled = enable && !enabled;
        return new WebhookSubscription(id, tenant, newUrl == null ? url : checkedUrl(newUrl),
                newTypes == null ? eventTypes : checkedTypes(newTypes), newDescription == null ? description : checkedDescription(newDescription),
                enable, newPhiAllowed == null ? phiAllowed : newPhiAllowed, secrets, createdBy, createdAt,
                reenabled ? null : failingSince, enable ? null : enabled ? "disabled by a tenant administrator" : disabledReason);
    }

    /** A new current secret; the previous one stays valid for {@code overlap}, older ones are dropped. */
    public WebhookSubscription rotate(Instant now, Duration overlap) {
        InvalidValueException.require(!overlap.isNegative() && overlap.compareTo(Duration.ofDays(7)) <= 0, "overlapHours",
                "the overlap is between 0 and 168 hours");
        List<Secret> next = new ArrayList<>();
        next.add(new Secret(WebhookSecrets.newSecret(), now, null));
        Secret current = current();
        if (!overlap.isZero()) {
            next.add(new Secret(current.value(), current.createdAt(), now.plus(overlap)));
        }
        return withSecrets(next);
    }

    /** The secret a new subscriber or a rotation hands out. */
    public Secret current() {
        return secrets.stream().filter(s -> s.notAfter() == null).findFirst().orElse(secrets.get(0));
    }

    /** The secrets that sign a message sent at {@code now}: the current one and any still in its overlap. */
    public List<String> signingSecrets(Instant now) {
        return secrets.stream().filter(s -> s.notAfter() == null || s.notAfter().isAfter(now)).map(Secret::value).toList();
    }

    public boolean accepts(String eventType) {
        return eventTypes.isEmpty() || eventTypes.contains(eventType);
    }

    public WebhookSubscription withSecrets(List<Secret> newSecrets) {
        return new WebhookSubscription(id, tenant, url, eventTypes, description, enabled, phiAllowed, newSecrets, createdBy, createdAt,
                failingSince, disabledReason);
    }

    private static String checkedUrl(String url) {
        InvalidValueException.require(url != null && !url.isBlank(), "url", "url is required");
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (java.net.URISyntaxException e) {
            throw new InvalidValueException("url", "url is not a URI: " + e.getReason());
        }
        InvalidValueException.require("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()), "url",
                "url must be an https (or, where the deployment admits it, http) URL");
        InvalidValueException.require(uri.getHost() != null && uri.getUserInfo() == null && uri.getFragment() == null, "url",
                "url needs a host, and no user information or fragment");
        InvalidValueException.require(url.length() <= 2000, "url", "url is longer than 2000 characters");
        return uri.toString();
    }

    private static Set<String> checkedTypes(List<String> types) {
        if (types == null) {
            return Set.of();
        }
        Set<String> checked = new LinkedHashSet<>();
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            String field = "eventTypes[" + i + "]";
            InvalidValueException.require(type != null && EventCatalogue.find(type).isPresent(), field,
                    "no event type " + type + " in the catalogue (GET /api/v1/event-types)");
            checked.add(type);
        }
        return checked;
    }

    private static String checkedDescription(String description) {
        InvalidValueException.require(description == null || description.length() <= 500, "description",
                "description is longer than 500 characters");
        return description;
    }
}
