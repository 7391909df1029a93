package health.ordo.application.service.event;

import health.ordo.application.port.in.event.StreamEventsUseCase;
import health.ordo.application.port.out.event.EventStorePort;
import health.ordo.application.port.out.event.EventStreamPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.event.PublishedEvent;

import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

/**
 * Streams relayed events to the broker in relay order (so each subject's events stay in order), one node at a time (the
 * stream's lock): a batch is read after the stream's cursor, published, and the cursor moves only after the broker
 * acknowledged the whole batch, in the same transaction that holds the lock. A node dying between the broker's
 * acknowledgement and the commit makes the next round publish the batch again: at least once, with the event id for
 * consumers to deduplicate on.
 */
public final class EventStreamService implements StreamEventsUseCase {

    private final EventStorePort store;
    private final EventStreamPort stream;
    private final TransactionPort transactions;
    private final Clock clock;

    public EventStreamService(EventStorePort store, EventStreamPort stream, TransactionPort transactions, Clock clock) {
        this.store = store;
        this.stream = stream;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public int streamNext(int limit) {
        return transactions.acrossTenants(() -> {
            OptionalLong cursor = store.lockStream(stream.name(), clock.instant());
            if (cursor.isEmpty()) {
                return 0;
            }
            List<EventStorePort.Relayed.InOrder> batch = store.relayedAfter(cursor.getAsLong(), limit);
            if (batch.isEmpty()) {
                return 0;
            }
            List<PublishedEvent> events = batch.stream().map(EventStorePort.Relayed.InOrder::event).toList();
            stream.publish(events);
            store.advanceStream(stream.name(), batch.get(batch.size() - 1).relaySeq(), clock.instant());
            return batch.size();
        });
    }
}
