package health.ordo.bootstrap.config;

import health.ordo.application.port.in.event.StreamEventsUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Streams relayed events to Kafka where a broker is configured; a round goes on while it finds full batches. */
@Singleton
@Requires(property = "ordo.kafka.bootstrap-servers")
@Requires(property = "ordo.events.enabled", notEquals = "false")
class EventStreamSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(EventStreamSchedule.class);
    static final int BATCH = 500;
    private static final long ROUND_NANOS = 5_000_000_000L;

    private final StreamEventsUseCase stream;

    EventStreamSchedule(StreamEventsUseCase stream) {
        this.stream = stream;
    }

    @Scheduled(fixedDelay = "${ordo.kafka.interval:250ms}", initialDelay = "${ordo.events.initial-delay:3s}")
    void stream() {
        long end = System.nanoTime() + ROUND_NANOS;
        try {
            while (stream.streamNext(BATCH) == BATCH && System.nanoTime() < end) {
                // a full batch: more are waiting
            }
        } catch (RuntimeException e) {
            LOG.warn("Streaming events to Kafka failed; the next round publishes the batch again: {}", e.toString());
        }
    }
}
