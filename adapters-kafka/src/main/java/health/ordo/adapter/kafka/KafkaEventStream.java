package health.ordo.adapter.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.ordo.application.port.out.event.EventStreamPort;
import health.ordo.domain.event.PublishedEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes events to one Kafka topic as CloudEvents in the structured content mode (the value is the envelope's JSON,
 * header {@code content-type: application/cloudevents+json}), keyed {@code <tenant>/<subject>} so that a subject's events
 * land on one partition in order. The producer is idempotent ({@code enable.idempotence}, {@code acks=all}): the broker
 * drops the duplicates of its own retries and keeps their order. PHI fields are never streamed. The topic is created on
 * first use if it does not exist (partitions and replication as configured, else the broker's defaults).
 */
public final class KafkaEventStream implements EventStreamPort, AutoCloseable {

    private static final long ACK_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, Object> admin;
    private final Optional<Integer> partitions;
    private final Optional<Short> replication;
    private volatile boolean topicChecked;

    /**
     * @param extra further producer and admin settings (security.protocol, sasl.*, ssl.*) as Kafka names them
     */
    public KafkaEventStream(String bootstrapServers, String topic, Optional<Integer> partitions, Optional<Short> replication,
                            Map<String, String> extra) {
        this.topic = topic;
        this.partitions = partitions;
        this.replication = replication;
        Map<String, Object> config = new HashMap<>(extra);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ordo-event-stream");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 45_000);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.admin = new HashMap<>(extra);
        this.admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    @Override
    public String name() {
        return "kafka:" + topic;
    }

    @Override
    public void publish(List<PublishedEvent> events) {
        ensureTopic();
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (PublishedEvent event : events) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, event.time().toEpochMilli(),
                    event.tenant().value() + "/" + event.subject(), json(event));
            record.headers().add(new RecordHeader("content-type", "application/cloudevents+json; charset=utf-8".getBytes(StandardCharsets.UTF_8)));
            acks.add(producer.send(record));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(ACK_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the broker did not acknowledge an event of the batch: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the broker acknowledged the batch", e);
            }
        }
    }

    private static byte[] json(PublishedEvent event) {
        try {
            return JSON.writeValueAsBytes(event.envelope(false));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.id() + " as JSON", e);
        }
    }

    private void ensureTopic() {
        if (topicChecked) {
            return;
        }
        try (Admin client = Admin.create(admin)) {
            try {
                client.createTopics(List.of(new NewTopic(topic, partitions, replication))).all().get(ACK_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create the topic " + topic + ": " + e.getCause().getMessage(), e);
                }
            }
            awaitLeaders(client);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe the topic " + topic + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not answer creating the topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the topic " + topic, e);
        }
        topicChecked = true;
    }

    /**
     * Waits until the broker knows a leader for every partition: produce requests sent to a partition whose leadership has
     * not reached the broker yet are refused (NOT_LEADER_OR_FOLLOWER), and an idempotent producer whose first batch is
     * refused while later ones are taken can be left retrying an out-of-order sequence until its batches expire.
     */
    private void awaitLeaders(Admin client) throws ExecutionException, TimeoutException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(ACK_SECONDS);
        while (true) {
            TopicDescription description = client.describeTopics(List.of(topic)).allTopicNames().get(ACK_SECONDS, TimeUnit.SECONDS).get(topic);
            if (description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new TimeoutException("no leader for every partition of " + topic + " after " + ACK_SECONDS + " s");
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(10));
    }
}
