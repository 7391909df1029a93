package health.ordo.application.port.out.event;

import health.ordo.domain.event.PublishedEvent;
import health.ordo.domain.shared.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The outbox relayed into per-tenant feeds, in PostgreSQL. */
public interface EventStorePort {

    /** What one relay step did. */
    record Relayed(int events, int deliveries) {
    }

    /**
     * Across tenants: takes up to {@code limit} committed, unrelayed outbox events in outbox order, gives each the next
     * position of its tenant's feed and queues a delivery for every enabled subscription that takes its type, all in the
     * caller's transaction. One node relays at a time (the others find nothing to do), so a tenant's positions follow one
     * sequence.
     */
    Relayed relayNext(int limit, Instant now);

    List<PublishedEvent> feed(TenantId tenant, long after, Set<String> types, int limit);
}
