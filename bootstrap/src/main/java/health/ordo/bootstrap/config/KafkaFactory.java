package health.ordo.bootstrap.config;

import health.ordo.adapter.kafka.KafkaEventStream;
import health.ordo.application.port.out.event.EventStorePort;
import health.ordo.application.port.out.event.EventStreamPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.service.event.EventStreamService;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.MapFormat;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Kafka event stream, only where {@code ordo.kafka.bootstrap-servers} ({@code ORDO_KAFKA_BOOTSTRAP_SERVERS}) is set:
 * topic {@code ordo.kafka.topic} ({@code ordo.events}), created if missing with {@code ordo.kafka.partitions} and
 * {@code ordo.kafka.replication-factor} (else the broker's defaults); {@code ordo.kafka.producer.*} passes settings such
 * as {@code security.protocol} and {@code sasl.*} to the client.
 */
@Factory
@Requires(property = "ordo.kafka.bootstrap-servers")
class KafkaFactory {

    @Singleton
    @Bean(typed = EventStreamPort.class, preDestroy = "close")
    KafkaEventStream kafkaEventStream(@Value("${ordo.kafka.bootstrap-servers}") String servers,
                                      @Value("${ordo.kafka.topic:ordo.events}") String topic,
                                      @Nullable @Value("${ordo.kafka.partitions}") Integer partitions,
                                      @Nullable @Value("${ordo.kafka.replication-factor}") Short replication,
                                      @Nullable @Property(name = "ordo.kafka.producer") @MapFormat(transformation = MapFormat.MapTransformation.FLAT)
                                      Map<String, String> producer) {
        return new KafkaEventStream(servers, topic, Optional.ofNullable(partitions), Optional.ofNullable(replication),
                producer == null ? Map.of() : new HashMap<>(producer));
    }

    @Singleton
    EventStreamService eventStreamService(EventStorePort store, EventStreamPort stream, TransactionPort transactions, Clock clock) {
        return new EventStreamService(store, stream, transactions, clock);
    }
}
