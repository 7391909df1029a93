package health.ordo.domain.event;

import health.ordo.domain.shared.TenantId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An event as it leaves Ordo: taken from the outbox once its change committed and given the next position of its tenant's
 * feed. The same event, with the same id, goes to the feed, to every subscription that wants it and to Kafka.
 *
 * @param position its place in the tenant's feed (1, 2, 3, … in the order the relay took the events)
 * @param data     the data as stored; {@link #envelope} publishes only what its {@link EventType} allows
 */
public record PublishedEvent(UUID id, TenantId tenant, String type, String subjectType, String subject, Instant time, String actor,
                             long position, Map<String, Object> data) {

    public PublishedEvent {
        data = Map.copyOf(data);
    }

    /**
     * The CloudEvents 1.0 envelope (JSON format): {@code specversion}, {@code id}, {@code source} (the tenant in Ordo),
     * {@code type}, {@code subject}, {@code time}, {@code datacontenttype}, {@code dataschema}, {@code data}, and the
     * extension attributes {@code ordosubjecttype}, {@code ordoposition} and {@code ordoactor}.
     */
    public Map<String, Object> envelope(boolean phiAllowed) {
        EventType eventType = EventCatalogue.typeOf(type);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", id.toString());
        envelope.put("source", "/ordo/tenants/" + tenant.value());
        envelope.put("type", type);
        envelope.put("subject", subject);
        envelope.put("time", time.toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("dataschema", eventType.schemaUri());
        envelope.put("ordosubjecttype", subjectType);
        envelope.put("ordoposition", position);
        envelope.put("ordoactor", actor);
        envelope.put("data", eventType.publishable(data, phiAllowed));
        return envelope;
    }
}
