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

        /** A relayed event with its place in the order across tenants. */
        public record InOrder(long relaySeq, PublishedEvent event) {
        }
    }

    /** The tenants with committed, unrelayed outbox events, the one with the oldest first (unlocked). */
    List<TenantId> tenantsWithUnrelayed();

    /**
     * Takes up to {@code limit} of the tenant's committed, unrelayed outbox events in outbox order, gives each the next
     * position of the tenant's feed and its place in the order across tenants, and queues a delivery for every enabled
     * subscription that takes its type, all in the caller's transaction. One node relays a tenant at a time (the others
     * find nothing to do for it), so the tenant's positions follow one sequence.
     */
    Relayed relayNext(TenantId tenant, int limit, Instant now);

    List<PublishedEvent> feed(TenantId tenant, long after, Set<String> types, int limit);

    /**
     * Takes the named stream for the caller's transaction (one node at a time; empty when another node has it) and answers
     * the last relay sequence it published.
     */
    java.util.OptionalLong lockStream(String stream, Instant now);

    /** Relayed events after {@code relaySeq}, in relay order. */
    List<Relayed.InOrder> relayedAfter(long relaySeq, int limit);

    void advanceStream(String stream, long relaySeq, Instant now);
}
