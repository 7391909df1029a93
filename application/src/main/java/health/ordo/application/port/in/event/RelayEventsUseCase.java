package health.ordo.application.port.in.event;

/** The platform rounds of events out, on every node: relay the outbox into the feeds, deliver due webhooks. */
public interface RelayEventsUseCase {

    /** Takes up to {@code limit} committed outbox events into their tenants' feeds and queues their deliveries; how many. */
    int relay(int limit);

    /** Sends up to {@code limit} due deliveries (at most one per subscription and subject at a time); how many were tried. */
    int deliverDue(int limit);
}
