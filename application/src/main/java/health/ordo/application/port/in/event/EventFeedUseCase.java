package health.ordo.application.port.in.event;

import health.ordo.domain.event.EventType;
import health.ordo.domain.event.PublishedEvent;
import health.ordo.domain.shared.TenantId;

import java.util.List;
import java.util.Set;

/** The catalogue of event types and each tenant's durable, ordered event feed (the same events the webhooks carry). */
public interface EventFeedUseCase {

    int MAX_PAGE = 1000;

    /** A page of the feed: events after the cursor, in order, and the cursor to ask with next (the last position read). */
    record Page(List<PublishedEvent> events, long next) {
    }

    List<EventType> catalogue();

    /** One type of the catalogue, or {@link EventTypeNotFoundException}. */
    EventType type(String name);

    /** Up to {@code limit} events after position {@code after}, of the given types (none: all). */
    Page read(TenantId tenant, long after, Set<String> types, int limit);
}
