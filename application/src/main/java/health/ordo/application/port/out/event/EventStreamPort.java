package health.ordo.application.port.out.event;

import health.ordo.domain.event.PublishedEvent;

import java.util.List;

/** A broker the events are streamed to (Kafka in large deployments). */
public interface EventStreamPort {

    /** The stream's name: its cursor in the database. */
    String name();

    /**
     * Publishes the events in order and returns once the broker acknowledged every one of them; throws when any was not
     * (nothing is then marked: the batch is published again, and consumers deduplicate on the event id).
     */
    void publish(List<PublishedEvent> events);
}
