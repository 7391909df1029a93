package health.ordo.application.port.in.event;

/** The Kafka round, on every node where a broker is configured: relayed events out to the broker, in relay order. */
public interface StreamEventsUseCase {

    /** Publishes up to {@code limit} relayed events the stream has not published yet; how many. */
    int streamNext(int limit);
}
