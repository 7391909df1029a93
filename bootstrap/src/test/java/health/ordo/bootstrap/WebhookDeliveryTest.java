package health.ordo.bootstrap;

import health.ordo.adapter.persistence.embedded.EmbeddedPostgresServer;
import health.ordo.application.port.in.event.EventFeedUseCase;
import health.ordo.application.port.in.event.RelayEventsUseCase;
import health.ordo.application.port.in.event.WebhookDelivery;
import health.ordo.application.port.in.event.WebhookSubscriptionsUseCase;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.application.port.in.workitem.ChangeWorkItemStatusUseCase;
import health.ordo.application.port.in.workitem.IngestOutcome;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.application.port.out.event.WebhookPort;
import health.ordo.application.port.out.event.WebhookSenderPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.event.PublishedEvent;
import health.ordo.domain.event.WebhookSubscription;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.LifecycleAction;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Webhook delivery driven round by round (the scheduled rounds are off here): the outbox publishes only what committed, a
 * node dying between sending and marking causes a redelivery with the same webhook-id, a receiver failing twice gets the
 * event three times, replays re-send, a subject's events arrive in order, and two nodes deliver 1,000 events once each.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryTest implements TestPropertyProvider {

    private WebhookReceiver receiver;

    @Inject
    ProvisionTenantUseCase provision;
    @Inject
    IngestWorkItemUseCase ingest;
    @Inject
    ChangeWorkItemStatusUseCase lifecycle;
    @Inject
    TransactionPort transactions;
    @Inject
    RelayEventsUseCase events;
    @Inject
    WebhookSubscriptionsUseCase subscriptions;
    @Inject
    EventFeedUseCase feed;
    @Inject
    WebhookPort webhooks;
    @Inject
    WebhookSenderPort sender;
    @Inject
    EmbeddedPostgresServer postgres;

    private TenantId tenant;

    @Override
    public Map<String, String> getProperties() {
        try {
            receiver = new WebhookReceiver();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("ordo.events.enabled", "false", "ordo.events.retry-delays", "200ms,200ms,200ms");
    }

    @AfterAll
    void stop() {
        receiver.close();
    }

    @BeforeEach
    void newTenant() {
        tenant = TenantId.of("wh-" + UUID.randomUUID().toString().substring(0, 6));
        provision.provision(tenant, "Webhook test", List.of());
    }

    private WorkItem item(String externalId, WorkItemType type) {
        WorkItemContent content = new WorkItemContent(type, new SourceReference("test", externalId), "Item " + externalId,
                Money.of("125.00", "USD"), null, null, Attributes.of(Map.of("denialCategory", "AUTHORIZATION", "carc", "197")), null);
        return ((IngestOutcome.Created) ingest.ingest(tenant, content, Actor.SYSTEM)).item();
    }

    private WebhookSubscription subscribe(String path, String... types) {
        return subscriptions.create(tenant, receiver.url(path), List.of(types), "test", false, "ada@" + tenant.value());
    }

    /** Relays and delivers until nothing more is due now (other tenants' deliveries included), at most 20 s. */
    private void drain() {
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end) {
            int relayed = events.relay(1000);
            int sent = events.deliverDue(64);
            if (relayed == 0 && sent == 0) {
                return;
            }
        }
    }

    private List<WebhookDelivery> deliveries(WebhookSubscription s) {
        return subscriptions.deliveries(tenant, s.id(), null, 1000);
    }

    @Test
    void aChangeThatRollsBack_publishesNothing_oneThatCommits_isDeliveredOnceSigned() throws Exception {
        WebhookSubscription s = subscribe("/commit", "WorkItemCreated");
        assertThatThrownBy(() -> transactions.inTransaction(tenant, () -> {
            item("rolled-back", WorkItemType.INVOICE_HOLD);
            throw new IllegalStateException("the change fails after its event was written");
        })).isInstanceOf(IllegalStateException.class);
        WorkItem committed = item("committed", WorkItemType.INVOICE_HOLD);

        drain();

        List<WebhookReceiver.Received> got = receiver.at("/commit");
        assertThat(got).hasSize(1);
        assertThat(got.get(0).body()).contains("\"subject\":\"" + committed.id().value() + "\"").contains("\"externalId\":\"committed\"")
                .contains("\"type\":\"WorkItemCreated\"").contains("\"specversion\":\"1.0\"").doesNotContain("rolled-back");
        assertThat(got.get(0).contentType()).startsWith("application/cloudevents+json");
        assertThat(WebhookReceiver.verify(s.current().value(), got.get(0))).as("Standard Webhooks signature").isTrue();
        assertThat(feed.read(tenant, 0, Set.of("WorkItemCreated"), 100).events()).extracting(e -> e.data().get("externalId"))
                .containsExactly("committed");
        assertThat(deliveries(s)).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
            assertThat(d.eventId().toString()).isEqualTo(got.get(0).id());
        });
    }

    @Test
    void aNodeDyingBetweenSendingAndMarking_causesOneRedeliveryWithTheSameWebhookId() throws Exception {
        WebhookSubscription s = subscribe("/crash", "WorkItemCreated");
        item("crash-1", WorkItemType.INVOICE_HOLD);
        events.relay(1000);

        // the node leases the delivery and sends it, then dies before it marks it
        List<WebhookPort.Due> leased = transactions.inTransaction(s.tenant(),
                () -> webhooks.leaseDue(s.tenant(), Instant.now(), Duration.ofMillis(300), 1000));
        WebhookPort.Due mine = leased.stream().filter(d -> d.subscription().id().equals(s.id())).findFirst().orElseThrow();
        sender.send(s.url(), mine.event().id().toString(), Instant.now(), s.signingSecrets(Instant.now()), mine.event().envelope(false),
                Duration.ofSeconds(5));
        events.deliverDue(1000);
        assertThat(receiver.at("/crash")).as("leased elsewhere: not sent again while the lease holds").hasSize(1);
        Thread.sleep(400);
        drain();

        List<WebhookReceiver.Received> got = receiver.at("/crash");
        assertThat(got).hasSize(2);
        assertThat(got.get(1).id()).isEqualTo(got.get(0).id());
        assertThat(deliveries(s)).singleElement().extracting(WebhookDelivery::status).isEqualTo(WebhookDelivery.Status.DELIVERED);
    }

    @Test
    void aReceiverAnswering500TwiceThen200_getsTheEventThreeTimes_andItIsMarkedDelivered() throws Exception {
        receiver.script("/flaky", 500, 500, 200);
        WebhookSubscription s = subscribe("/flaky", "WorkItemCreated");
        item("flaky-1", WorkItemType.INVOICE_HOLD);

        Eventually.until(() -> {
            drain();
            return receiver.at("/flaky").size() >= 3;
        }, "three attempts at /flaky", Duration.ofSeconds(15));

        List<WebhookReceiver.Received> got = receiver.at("/flaky");
        assertThat(got).hasSize(3).extracting(WebhookReceiver.Received::id).containsOnly(got.get(0).id());
        WebhookDelivery delivery = deliveries(s).get(0);
        assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(delivery.attemptLog()).extracting(WebhookDelivery.Attempt::statusCode).containsExactly(500, 500, 200);
        assertThat(delivery.attemptLog()).allSatisfy(a -> assertThat(a.latencyMillis()).isNotNegative());
        assertThat(delivery.attemptLog().get(0).error()).contains("500");
    }

    @Test
    void aReceiverThatNeverAnswers2xx_isDeadLetteredAfterTheLastAttempt_andAReplaySendsItAgain() throws Exception {
        receiver.script("/down", 503, 503, 503, 503);
        WebhookSubscription s = subscribe("/down", "WorkItemCreated");
        item("down-1", WorkItemType.INVOICE_HOLD);

        Eventually.until(() -> {
            drain();
            return receiver.at("/down").size() >= 4;
        }, "four attempts at /down", Duration.ofSeconds(15));
        WebhookDelivery dead = deliveries(s).get(0);
        assertThat(dead.status()).isEqualTo(WebhookDelivery.Status.DEAD);
        assertThat(dead.attempts()).isEqualTo(4);

        int queued = subscriptions.replay(tenant, s.id(), new WebhookSubscriptionsUseCase.ReplayRange(null, null, null, null,
                List.of(dead.eventId())));
        drain();

        assertThat(queued).isEqualTo(1);
        List<WebhookReceiver.Received> got = receiver.at("/down");
        assertThat(got).hasSize(5);
        assertThat(got.get(4).id()).isEqualTo(dead.eventId().toString());
        assertThat(deliveries(s).get(0)).satisfies(d -> {
            assertThat(d.replay()).isTrue();
            assertThat(d.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        });
    }

    @Test
    void aReplayByPositions_resendsTheRange_ofTheSubscriptionsTypesOnly() throws Exception {
        WebhookSubscription s = subscribe("/replay", "WorkItemCreated");
        for (int i = 0; i < 5; i++) {
            item("replay-" + i, WorkItemType.INVOICE_HOLD);
        }
        drain();
        List<PublishedEvent> all = feed.read(tenant, 0, Set.of(), 1000).events();
        List<Long> created = all.stream().filter(e -> e.type().equals("WorkItemCreated")).map(PublishedEvent::position).toList();

        int queued = subscriptions.replay(tenant, s.id(), new WebhookSubscriptionsUseCase.ReplayRange(created.get(1), created.get(3), null,
                null, null));
        drain();

        assertThat(queued).isEqualTo(3);
        List<WebhookReceiver.Received> got = receiver.at("/replay");
        assertThat(got).hasSize(8);
        assertThat(got.subList(5, 8)).extracting(WebhookReceiver.Received::id).containsExactlyInAnyOrderElementsOf(all.stream()
                .filter(e -> e.position() >= created.get(1) && e.position() <= created.get(3) && e.type().equals("WorkItemCreated"))
                .map(e -> e.id().toString()).toList());
        assertThatThrownBy(() -> subscriptions.replay(tenant, s.id(), new WebhookSubscriptionsUseCase.ReplayRange(5L, 2L, null, null, null)))
                .hasMessageContaining("toPosition");
    }

    @Test
    void aSubjectsEvents_arriveInTheOrderTheyHappened_withTheBusinessEventsBesideThem() throws Exception {
        WebhookSubscription s = subscribe("/order");
        WorkItem hold = item("order-1", WorkItemType.INVOICE_HOLD);
        Actor boss = Actor.supervisor("ada@" + tenant.value());
        lifecycle.apply(tenant, hold.id(), LifecycleAction.CLAIM, null, boss);
        lifecycle.apply(tenant, hold.id(), LifecycleAction.START, null, boss);
        lifecycle.apply(tenant, hold.id(), LifecycleAction.COMPLETE, "RELEASED", boss);
        WorkItem denial = item("order-2", WorkItemType.CLAIM_DENIAL);

        drain();

        List<String> types = receiver.at("/order").stream().filter(r -> r.body().contains(hold.id().value().toString()))
                .map(r -> r.body().replaceAll(".*\"type\":\"([A-Za-z]+)\".*", "$1")).toList();
        assertThat(types).containsSubsequence("WorkItemCreated", "WorkItemClaimed", "WorkItemStarted", "WorkItemCompleted",
                "InvoiceHoldReleased");
        assertThat(receiver.at("/order")).anySatisfy(r -> assertThat(r.body()).contains("\"type\":\"DenialClassified\"")
                .contains("\"subject\":\"" + denial.id().value() + "\"").contains("\"category\":\"AUTHORIZATION\"").contains("\"carc\":\"197\""));
        assertThat(receiver.at("/order")).filteredOn(r -> r.body().contains("\"type\":\"WorkItemCompleted\""))
                .allSatisfy(r -> assertThat(r.body()).as("free text is PHI-bearing: not sent without the grant").doesNotContain("\"note\""));
        List<Long> positions = feed.read(tenant, 0, Set.of(), 1000).events().stream().map(PublishedEvent::position).toList();
        assertThat(positions).as("the feed counts 1, 2, 3, … per tenant").isEqualTo(java.util.stream.LongStream.rangeClosed(1, positions.size())
                .boxed().toList());
    }

    @Test
    void everyEventTypeInTheOutbox_isInTheCatalogue() throws Exception {
        item("catalogue-1", WorkItemType.CLAIM_DENIAL);
        List<String> types = new ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(postgres.jdbcUrl());
             java.sql.ResultSet rs = c.createStatement().executeQuery("select distinct event_type from outbox_event")) {
            while (rs.next()) {
                types.add(rs.getString(1));
            }
        }
        assertThat(types).contains("WorkItemCreated", "DenialClassified")
                .allSatisfy(type -> assertThat(health.ordo.domain.event.EventCatalogue.find(type)).as(type).isPresent());
    }

    @Test
    void twoNodesOnOneDatabase_deliver1000EventsOnceEach() throws Exception {
        WebhookSubscription s = subscribe("/two-nodes", "WorkItemCreated");
        List<WorkItemContent> contents = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            contents.add(new WorkItemContent(WorkItemType.INVOICE_HOLD, new SourceReference("test", "two-" + i), "Hold " + i,
                    Money.of("10.00", "USD"), null, null, Attributes.NONE, null));
        }
        for (int from = 0; from < contents.size(); from += IngestWorkItemUseCase.MAX_BATCH) {
            ingest.ingestBatch(tenant, contents.subList(from, Math.min(contents.size(), from + IngestWorkItemUseCase.MAX_BATCH)), Actor.SYSTEM);
        }
        Map<String, Object> second = SecondNode.properties(postgres, "events-node-secret-that-is-long-enough-0123456789");
        second.put("ordo.secrets.key", "test-only-secrets-key-that-is-long-enough-0123456789");
        second.put("ordo.outbound.allow", "127.0.0.1/32");
        second.put("ordo.events.enabled", "false");
        second.put("ordo.insights.maintenance.enabled", "false");
        try (ApplicationContext otherNode = ApplicationContext.run(second)) {
            RelayEventsUseCase other = otherNode.getBean(RelayEventsUseCase.class);
            Function<RelayEventsUseCase, CompletableFuture<Void>> node = n -> CompletableFuture.runAsync(() -> {
                long end = System.nanoTime() + 60_000_000_000L;
                int idle = 0;
                while (idle < 5 && System.nanoTime() < end) {
                    idle = n.relay(100) + n.deliverDue(16) == 0 ? idle + 1 : 0;
                }
            });
            CompletableFuture.allOf(node.apply(events), node.apply(other)).get();
        }

        Map<String, Long> perId = receiver.at("/two-nodes").stream().collect(Collectors.groupingBy(WebhookReceiver.Received::id,
                HashMap::new, Collectors.counting()));
        assertThat(perId).hasSize(1000);
        assertThat(perId.values()).as("each event delivered once").containsOnly(1L);
        assertThat(deliveries(s)).hasSize(1000).allSatisfy(d -> assertThat(d.status()).isEqualTo(WebhookDelivery.Status.DELIVERED));
        List<Long> positions = new ArrayList<>();
        long after = 0;
        EventFeedUseCase.Page page;
        do {
            page = feed.read(tenant, after, Set.of(), 500);
            page.events().forEach(e -> positions.add(e.position()));
            after = page.next();
        } while (!page.events().isEmpty());
        assertThat(positions).as("no gap, no repeat").isEqualTo(java.util.stream.LongStream.rangeClosed(1, positions.size()).boxed().toList());
    }
}
