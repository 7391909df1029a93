package health.ordo.bootstrap.config;

import health.ordo.application.port.in.event.RelayEventsUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events out on every node: the relay numbers committed outbox events into their tenants' feeds (one node at a time; the
 * others find the lock taken and wait for the next round), the delivery round sends due webhooks (shared by SKIP LOCKED).
 * Each round goes on while it finds full batches, so a burst drains without waiting for the next tick.
 */
@Singleton
@Requires(property = "ordo.events.enabled", notEquals = "false")
class EventSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(EventSchedule.class);
    static final int RELAY_BATCH = 1000;
    static final int DELIVERY_BATCH = 64;
    /** A round stops going on after this long, so one node's round never starves its other scheduled work. */
    private static final long ROUND_NANOS = 5_000_000_000L;

    private final RelayEventsUseCase events;

    EventSchedule(RelayEventsUseCase events) {
        this.events = events;
    }

    @Scheduled(fixedDelay = "${ordo.events.relay-interval:250ms}", initialDelay = "${ordo.events.initial-delay:3s}")
    void relay() {
        long end = System.nanoTime() + ROUND_NANOS;
        try {
            while (events.relay(RELAY_BATCH) == RELAY_BATCH && System.nanoTime() < end) {
                // a full batch: more are waiting
            }
        } catch (RuntimeException e) {
            LOG.warn("Relaying events failed; the next round retries: {}", e.toString());
        }
    }

    @Scheduled(fixedDelay = "${ordo.events.delivery-interval:250ms}", initialDelay = "${ordo.events.initial-delay:3s}")
    void deliver() {
        long end = System.nanoTime() + ROUND_NANOS;
        try {
            while (events.deliverDue(DELIVERY_BATCH) > 0 && System.nanoTime() < end) {
                // deliveries were due: the next of their subjects may be due now too
            }
        } catch (RuntimeException e) {
            LOG.warn("Delivering webhooks failed; the next round retries: {}", e.toString());
        }
    }
}
