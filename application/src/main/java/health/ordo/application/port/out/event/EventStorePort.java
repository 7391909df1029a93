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

    /**
     * Across tenants: takes up to {@code limit} committed, unrelayed outbox events in outbox order, gives each the next
     * position of its tenant's feed and queues a delivery for every enabled subscription that takes its type, all in the
     * caller's transaction. One node relays at a time (the others find nothing to do), so a tenant's positions follow one
     * sequence.
     */
    Relayed relayNext(int limit, Instant now);

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
