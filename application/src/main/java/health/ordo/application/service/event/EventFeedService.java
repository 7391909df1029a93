package health.ordo.application.service.event;

import health.ordo.application.port.in.event.EventFeedUseCase;
import health.ordo.application.port.out.event.EventStorePort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.event.EventCatalogue;
import health.ordo.domain.event.EventType;
import health.ordo.domain.event.PublishedEvent;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;

import java.util.List;
import java.util.Set;

/** Reads a tenant's feed: positions only ever grow, so a consumer that keeps its cursor misses nothing and sees nothing twice. */
public final class EventFeedService implements EventFeedUseCase {

    private final EventStorePort store;
    private final TransactionPort transactions;

    public EventFeedService(EventStorePort store, TransactionPort transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    @Override
    public List<EventType> catalogue() {
        return EventCatalogue.all();
    }

    @Override
    public EventType type(String name) {
        return EventCatalogue.find(name).orElseThrow(() -> new health.ordo.application.port.in.event.EventTypeNotFoundException(name));
    }

    @Override
    public Page read(TenantId tenant, long after, Set<String> types, int limit) {
        InvalidValueException.require(after >= 0, "after", "after is a position of the feed (0 or more)");
        InvalidValueException.require(limit >= 1 && limit <= MAX_PAGE, "limit", "limit is between 1 and " + MAX_PAGE);
        List<PublishedEvent> events = transactions.readOnly(tenant, () -> store.feed(tenant, after, types, limit));
        return new Page(events, events.isEmpty() ? after : events.get(events.size() - 1).position());
    }
}
