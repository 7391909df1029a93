package health.ordo.bootstrap;

import health.ordo.adapter.kafka.KafkaEventStream;
import health.ordo.application.port.in.event.EventFeedUseCase;
import health.ordo.application.port.in.event.RelayEventsUseCase;
import health.ordo.application.port.in.event.StreamEventsUseCase;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.application.port.in.workitem.ChangeWorkItemStatusUseCase;
import health.ordo.application.port.in.workitem.IngestOutcome;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.application.port.out.event.EventStorePort;
import health.ordo.application.port.out.event.EventStreamPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.service.event.EventStreamService;
import health.ordo.domain.event.PublishedEvent;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.LifecycleAction;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemId;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event stream against a real Kafka broker started in this JVM (KRaft): 10,000 events reach the topic keyed by
 * tenant and subject, each subject's events in order, none lost though one node died between the broker's
 * acknowledgement and its commit and a second node's producer (a restart) took over.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaStreamTest implements TestPropertyProvider {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final String TOPIC = "ordo.events.test";

    private EmbeddedKafka kafka;

    @Inject
    ProvisionTenantUseCase provision;
    @Inject
    IngestWorkItemUseCase ingest;
    @Inject
    ChangeWorkItemStatusUseCase lifecycle;
    @Inject
    RelayEventsUseCase relay;
    @Inject
    StreamEventsUseCase stream;
    @Inject
    EventStreamPort kafkaStream;
    @Inject
    EventStorePort store;
    @Inject
    TransactionPort transactions;
    @Inject
    EventFeedUseCase feed;

    @Override
    public Map<String, String> getProperties() {
        try {
            kafka = new EmbeddedKafka();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the in-JVM Kafka broker", e);
        }
        return Map.of("ordo.kafka.bootstrap-servers", kafka.bootstrapServers(), "ordo.kafka.topic", TOPIC, "ordo.kafka.partitions", "4",
                "ordo.events.enabled", "false");
    }

    @AfterAll
    void stop() throws Exception {
        kafka.close();
    }

    @Test
    void tenThousandEvents_reachTheBrokerInOrderPerSubject_noneLostThroughACrashAndARestart() throws Exception {
        TenantId tenant = TenantId.of("kafka-" + UUID.randomUUID().toString().substring(0, 6));
        provision.provision(tenant, "Kafka test", List.of());
        List<WorkItemContent> contents = new ArrayList<>();
        for (int i = 0; i < 4900; i++) {
            contents.add(new WorkItemContent(WorkItemType.INVOICE_HOLD, new SourceReference("test", "k-" + i), "Hold " + i,
                    Money.of("10.00", "USD"), null, null, Attributes.NONE, null));
        }
        List<WorkItemId> items = new ArrayList<>();
        for (int from = 0; from < contents.size(); from += IngestWorkItemUseCase.MAX_BATCH) {
            ingest.ingestBatch(tenant, contents.subList(from, Math.min(contents.size(), from + IngestWorkItemUseCase.MAX_BATCH)), Actor.SYSTEM)
                    .forEach(o -> items.add(((IngestOutcome.Created) o).item().id()));
        }
        Actor boss = Actor.supervisor("ada@" + tenant.value());
        for (WorkItemId id : items.subList(0, 100)) {
            lifecycle.apply(tenant, id, LifecycleAction.CLAIM, null, boss);
            lifecycle.apply(tenant, id, LifecycleAction.START, null, boss);
        }
        while (relay.relay(1000) > 0) {
            // every committed event into the feeds
        }
        List<PublishedEvent> expected = new ArrayList<>();
        long after = 0;
        for (EventFeedUseCase.Page page = feed.read(tenant, 0, Set.of(), 1000); !page.events().isEmpty();
             page = feed.read(tenant, after, Set.of(), 1000)) {
            expected.addAll(page.events());
            after = page.next();
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(10_000);

        // this node streams a few batches, then dies after the broker acknowledged one but before it committed
        for (int i = 0; i < 3; i++) {
            stream.streamNext(500);
        }
        EventStreamPort dying = new EventStreamPort() {
            @Override
            public String name() {
                return kafkaStream.name();
            }

            @Override
            public void publish(List<PublishedEvent> events) {
                kafkaStream.publish(events);
                throw new IllegalStateException("the node died after the broker acknowledged the batch");
            }
        };
        assertThatThrownBy(() -> new EventStreamService(store, dying, transactions, Clock.systemUTC()).streamNext(500))
                .hasMessageContaining("died");
        // a restarted node with a producer of its own takes over from the committed cursor
        try (KafkaEventStream restarted = new KafkaEventStream(kafka.bootstrapServers(), TOPIC, Optional.empty(), Optional.empty(), Map.of())) {
            EventStreamService next = new EventStreamService(store, restarted, transactions, Clock.systemUTC());
            while (next.streamNext(500) > 0) {
                // drain
            }
        }

        Map<String, List<String>> bySubject = new HashMap<>();
        int records = 0;
        Set<String> anyTenant = new java.util.HashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ConsumerRecord<String, String> record : consumeAll()) {
            Matcher id = ID.matcher(record.value());
            assertThat(id.find()).isTrue();
            records++;
            anyTenant.add(id.group(1));
            if (!record.key().startsWith(tenant.value() + "/")) {
                continue;
            }
            if (seen.add(id.group(1))) {
                bySubject.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(id.group(1));
            }
            assertThat(new String(record.headers().lastHeader("content-type").value())).startsWith("application/cloudevents+json");
        }
        assertThat(seen).as("no event lost").containsExactlyInAnyOrderElementsOf(expected.stream().map(e -> e.id().toString()).toList());
        assertThat(records).as("the batch of the node that died was published twice").isGreaterThanOrEqualTo(anyTenant.size() + 500);
        Map<String, List<String>> expectedBySubject = new LinkedHashMap<>();
        for (PublishedEvent e : expected) {
            expectedBySubject.computeIfAbsent(tenant.value() + "/" + e.subject(), k -> new ArrayList<>()).add(e.id().toString());
        }
        assertThat(bySubject).as("each subject's events in the order they happened").isEqualTo(expectedBySubject);
    }

    private List<ConsumerRecord<String, String>> consumeAll() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(all::add);
            }
        }
        return all;
    }
}
