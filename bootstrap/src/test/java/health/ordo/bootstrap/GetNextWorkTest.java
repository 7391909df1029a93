package health.ordo.bootstrap;

import health.ordo.application.port.in.routing.GetNextWorkUseCase;
import health.ordo.application.port.in.routing.ManageWorkforceUseCase;
import health.ordo.application.port.in.routing.ReleaseExpiredReservationsUseCase;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.application.port.in.workitem.GetWorkItemQuery;
import health.ordo.application.port.in.workitem.IngestOutcome;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.domain.routing.Queue;
import health.ordo.domain.routing.RoutingCondition;
import health.ordo.domain.routing.RoutingRule;
import health.ordo.domain.routing.Worker;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.HistoryEntry;
import health.ordo.domain.workitem.SkillRequirement;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemStatus;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Get next work against the real PostgreSQL: no double assignment under load, skills, capacity, fair share, timeouts. */
@MicronautTest(transactional = false)
class GetNextWorkTest {

    @Inject
    ProvisionTenantUseCase provision;
    @Inject
    IngestWorkItemUseCase ingest;
    @Inject
    ManageWorkforceUseCase workforce;
    @Inject
    GetNextWorkUseCase nextWork;
    @Inject
    ReleaseExpiredReservationsUseCase reservations;
    @Inject
    GetWorkItemQuery getQuery;

    private TenantId tenant;

    @BeforeEach
    void newTenant() {
        tenant = TenantId.of("gnw-" + UUID.randomUUID().toString().substring(0, 6));
        provision.provision(tenant, "Get next work test", List.of());
    }

    private Actor worker(String name, List<String> queues, Map<String, Integer> skills, int capacity) {
        queues.forEach(this::queue);
        workforce.saveWorker(new Worker(tenant, name + "@" + tenant.value(), null, null, queues, skills, capacity, true));
        return Actor.user(name + "@" + tenant.value());
    }

    /** Work only goes to queues that exist: the test's queues are created on first use (weight 1). */
    private String queue(String id) {
        if (workforce.queue(tenant, id).isEmpty()) {
            workforce.saveQueue(new Queue(tenant, id, null, null, null, 1, null));
        }
        return id;
    }

    private List<WorkItem> items(String queue, int count, String amountBase) {
        queue(queue);
        List<WorkItemContent> contents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            contents.add(new WorkItemContent(WorkItemType.INVOICE_HOLD, new SourceReference("test", queue + "-" + i + "-" + UUID.randomUUID()),
                    "Hold " + i, Money.of(amountBase + i, "USD"), null, null, Attributes.of(Map.of("holdName", "PRICE")), queue));
        }
        List<WorkItem> created = new ArrayList<>();
        for (int from = 0; from < contents.size(); from += IngestWorkItemUseCase.MAX_BATCH) {
            ingest.ingestBatch(tenant, contents.subList(from, Math.min(contents.size(), from + IngestWorkItemUseCase.MAX_BATCH)), Actor.SYSTEM)
                    .forEach(o -> created.add(((IngestOutcome.Created) o).item()));
        }
        return created;
    }

    @Test
    void given32WorkersRacing_everyItemIsClaimedExactlyOnceAndNoneIsLost() throws Exception {
        List<WorkItem> backlog = items("pool", 3000, "100");
        List<Actor> workers = new ArrayList<>();
        for (int w = 0; w < 32; w++) {
            workers.add(worker("w" + w, List.of("pool"), Map.of(), 1000));
        }
        Map<String, String> claimedBy = new ConcurrentHashMap<>();
        List<String> doubles = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(32);
        List<Future<Integer>> results = new ArrayList<>();
        for (Actor actor : workers) {
            results.add(threads.submit(() -> {
                int claims = 0;
                for (int call = 0; call < 500; call++) {
                    var item = nextWork.next(tenant, actor);
                    if (item.isPresent()) {
                        claims++;
                        if (claimedBy.putIfAbsent(item.get().id().toString(), actor.name()) != null) {
                            doubles.add(item.get().id().toString());
                        }
                    }
                }
                return claims;
            }));
        }
        int total = 0;
        for (Future<Integer> result : results) {
            total += result.get();
        }
        threads.shutdown();

        assertThat(doubles).as("double assignments").isEmpty();
        assertThat(total).isEqualTo(backlog.size());
        assertThat(claimedBy.keySet()).containsExactlyInAnyOrderElementsOf(backlog.stream().map(w -> w.id().toString()).toList());
        for (WorkItem item : backlog.subList(0, 50)) {
            WorkItem stored = getQuery.get(tenant, item.id()).orElseThrow().item();
            assertThat(stored.status()).isEqualTo(WorkItemStatus.CLAIMED);
            assertThat(stored.assignee()).isEqualTo(claimedBy.get(item.id().toString()));
        }
    }

    @Test
    void workerWithoutTheRequiredSkill_neverReceivesTheItem() {
        workforce.saveRule(new RoutingRule(tenant, "coding-needed", 1, List.of(new RoutingCondition("type", "eq", "INVOICE_HOLD")),
                queue("coding"), List.of(new SkillRequirement("coding", 3, null)), 1));
        WorkItem item = items("ignored", 1, "500").get(0);
        Actor novice = worker("novice", List.of("coding"), Map.of("coding", 2), 10);
        Actor expert = worker("expert", List.of("coding"), Map.of("coding", 4), 10);

        assertThat(item.queue()).isEqualTo("coding");
        assertThat(nextWork.next(tenant, novice)).isEmpty();
        assertThat(nextWork.next(tenant, expert)).hasValueSatisfying(w -> assertThat(w.id()).isEqualTo(item.id()));
    }

    @Test
    void optionalSkill_noLongerBlocksAfterItsRelaxTime() throws Exception {
        workforce.saveRule(new RoutingRule(tenant, "spanish-preferred", 1, List.of(), queue("spanish"),
                List.of(new SkillRequirement("spanish", 3, Duration.ofSeconds(2))), 1));
        WorkItem item = items("ignored", 1, "500").get(0);
        Actor novice = worker("novice", List.of("spanish"), Map.of(), 10);

        assertThat(nextWork.next(tenant, novice)).isEmpty();
        Thread.sleep(2_500);
        assertThat(nextWork.next(tenant, novice)).hasValueSatisfying(w -> assertThat(w.id()).isEqualTo(item.id()));
    }

    @Test
    void fullCapacity_meansNothingMore_andSizeCounts() {
        workforce.saveRule(new RoutingRule(tenant, "big", 1, List.of(new RoutingCondition("amount", "gte", "10000")), queue("cap"),
                List.of(), 3));
        items("cap", 3, "100");
        items("cap", 1, "10000");
        Actor small = worker("small", List.of("cap"), Map.of(), 4);

        assertThat(nextWork.next(tenant, small)).hasValueSatisfying(w -> assertThat(w.size()).isEqualTo(3));
        assertThat(nextWork.next(tenant, small)).hasValueSatisfying(w -> assertThat(w.size()).isEqualTo(1));
        assertThat(nextWork.next(tenant, small)).as("capacity 4 used up").isEmpty();
    }

    @Test
    void weights3to1_letTheLightQueueOutAtAboutAQuarterOfTheRate() {
        workforce.saveQueue(new Queue(tenant, "heavy", null, null, null, 3, null));
        workforce.saveQueue(new Queue(tenant, "light", null, null, null, 1, null));
        items("heavy", 300, "100");
        items("light", 300, "100");
        Actor busy = worker("busy", List.of("heavy", "light"), Map.of(), 1000);

        int light = 0;
        for (int i = 0; i < 200; i++) {
            if (nextWork.next(tenant, busy).orElseThrow().queue().equals("light")) {
                light++;
            }
        }

        assertThat(light).as("light-queue claims out of 200").isBetween(30, 70);
    }

    @Test
    void claimNotStartedInTime_returnsToReadyWithHistory() throws Exception {
        workforce.saveQueue(new Queue(tenant, "quick", null, null, null, 1, Duration.ofSeconds(1)));
        WorkItem item = items("quick", 1, "100").get(0);
        Actor slow = worker("slow", List.of("quick"), Map.of(), 10);
        assertThat(nextWork.next(tenant, slow)).isPresent();

        Thread.sleep(1_500);
        reservations.releaseExpired(1000);

        var details = getQuery.get(tenant, item.id()).orElseThrow();
        assertThat(details.item().status()).isEqualTo(WorkItemStatus.READY);
        assertThat(details.item().assignee()).isNull();
        assertThat(details.history()).extracting(HistoryEntry::action).containsSubsequence("claim", "release");
        assertThat(details.history().get(details.history().size() - 1).note()).contains("reservation timed out");
        Set<String> claimedAgain = new HashSet<>();
        nextWork.next(tenant, slow).ifPresent(w -> claimedAgain.add(w.id().toString()));
        assertThat(claimedAgain).containsExactly(item.id().toString());
    }
}
