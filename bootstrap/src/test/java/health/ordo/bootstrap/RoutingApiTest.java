package health.ordo.bootstrap;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Routing over HTTP on the demo tenant: get next work for alice and sam, workforce APIs, stats, roles. */
@MicronautTest(transactional = false)
class RoutingApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void demoWorkers_receiveDemoWorkInPriorityOrderWithinTheirQueues() {
        ApiClient api = new ApiClient(server.getURI(), json);
        String alice = api.login("alice@demo", "alice-ordo-demo");
        String sam = api.login("sam@demo", "sam-ordo-demo1");
        Map<String, BigDecimal> lastScorePerQueue = new HashMap<>();
        List<Map<String, Object>> received = new ArrayList<>();

        for (int i = 0; i < 5; i++) {
            ApiClient.Response next = api.post("/api/v1/work/next", alice, Map.of());
            assertThat(next.status()).isEqualTo(200);
            received.add(next.body());
            api.post("/api/v1/work-items/" + next.string("id") + "/start", alice, Map.of());
            api.post("/api/v1/work-items/" + next.string("id") + "/complete", alice, Map.of("resolutionCode", "APPEAL_SUBMITTED"));
        }
        ApiClient.Response samNext = api.post("/api/v1/work/next", sam, Map.of());

        assertThat(received).allSatisfy(item -> {
            assertThat(item.get("assignee")).isEqualTo("alice@demo");
            assertThat(item.get("queue").toString()).isIn("denials", "denials-high-value", "underpayments", "prior-auth");
        });
        for (Map<String, Object> item : received) {
            BigDecimal score = new BigDecimal(item.get("priorityScore").toString());
            BigDecimal previous = lastScorePerQueue.put(item.get("queue").toString(), score);
            if (previous != null) {
                assertThat(score).as("within a queue, the best item comes first").isLessThanOrEqualTo(previous);
            }
        }
        assertThat(samNext.status()).isEqualTo(200);
        assertThat(samNext.string("assignee")).isEqualTo("sam@demo");
    }

    @Test
    void workerProfilesAndQueueStats_areManagedByAdminsAndReadBySupervisors() {
        ApiClient api = new ApiClient(server.getURI(), json);
        String ada = api.login("ada@demo", "ada-ordo-demo1");
        String sam = api.login("sam@demo", "sam-ordo-demo1");
        String alice = api.login("alice@demo", "alice-ordo-demo");

        ApiClient.Response workers = api.get("/api/v1/workers/alice@demo", sam);
        ApiClient.Response stats = api.get("/api/v1/queues/denials/stats", sam);
        ApiClient.Response workerTriesAdmin = api.get("/api/v1/workers", alice);
        ApiClient.Response created = api.put("/api/v1/queues/escalations", ada, Map.of("name", "Escalations", "weight", 5,
                "reservationTimeoutSeconds", 600));
        ApiClient.Response supervisorTriesAdmin = api.put("/api/v1/queues/escalations", sam, Map.of("weight", 1));
        ApiClient.Response badWeight = api.put("/api/v1/queues/escalations", ada, Map.of("weight", 500));
        ApiClient.Response deleted = api.delete("/api/v1/queues/escalations", ada);

        assertThat(workers.status()).isEqualTo(200);
        assertThat(((Number) workers.body().get("capacity")).intValue()).isGreaterThanOrEqualTo(10);
        assertThat(stats.status()).isEqualTo(200);
        assertThat(((Number) stats.body().get("depth")).longValue()).isPositive();
        assertThat(stats.body()).containsKeys("oldestReadyAgeSeconds", "byStatus");
        assertThat(workerTriesAdmin.status()).isEqualTo(403);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/v1/queues/escalations");
        assertThat(created.body()).containsEntry("weight", 5).containsEntry("reservationTimeoutSeconds", 600);
        assertThat(supervisorTriesAdmin.status()).isEqualTo(403);
        assertThat(badWeight.status()).isEqualTo(400);
        assertThat(badWeight.list("errors")).extracting(e -> e.get("field")).containsExactly("weight");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/queues/escalations", sam).status()).isEqualTo(404);
    }

    @Test
    void workNeverGoesToAQueueThatDoesNotExist_andEveryRefusalNamesItsField() {
        ApiClient api = new ApiClient(server.getURI(), json);
        String ada = api.login("ada@demo", "ada-ordo-demo1");
        String sam = api.login("sam@demo", "sam-ordo-demo1");
        String item = api.get("/api/v1/work-items?status=READY&limit=1", sam).list("items").get(0).get("id").toString();

        ApiClient.Response ghostWorker = api.put("/api/v1/workers/ghost@demo", ada, Map.of("queues", List.of("denials", "no-such-queue")));
        ApiClient.Response ghostRule = api.put("/api/v1/routing-rules/ghost-rule", ada, Map.of("targetQueue", "ghost-queue"));
        ApiClient.Response ghostTransfer = api.post("/api/v1/work-items/" + item + "/transfer", sam, Map.of("queue", "nowhere-queue"));
        ApiClient.Response ghostBulk = api.post("/api/v1/work-items:assign", sam, Map.of("filter", Map.of("status", "READY"),
                "queue", "zzz-missing", "limit", 1));
        ApiClient.Response nullQueue = api.put("/api/v1/workers/ghost@demo", ada, Map.of("queues", java.util.Arrays.asList("denials", null)));
        ApiClient.Response badCondition = api.put("/api/v1/routing-rules/ghost-rule", ada, Map.of("targetQueue", "denials",
                "when", List.of(Map.of("field", "amount", "operator", "gt", "value", "10"), Map.of("field", "amount", "operator", "about"))));
        ApiClient.Response badSkill = api.put("/api/v1/routing-rules/ghost-rule", ada, Map.of("targetQueue", "denials",
                "skills", List.of(Map.of("skill", "appeals", "minProficiency", 6))));
        ApiClient.Response badTimeout = api.put("/api/v1/queues/ghost-queue", ada, Map.of("reservationTimeoutSeconds", 0));
        ApiClient.Response ghostItem = api.post("/api/v1/work-items", ada, Map.of("type", "SUPPLIER_ONBOARDING", "source",
                Map.of("system", "test", "externalId", "GHOST-1"), "title", "Onboard a supplier", "queue", "ghost-queue"));

        assertThat(List.of(ghostWorker, ghostRule, ghostTransfer, ghostBulk, nullQueue, badCondition, badSkill, badTimeout, ghostItem))
                .allSatisfy(response -> {
                    assertThat(response.status()).isEqualTo(400);
                    assertThat(response.contentType()).startsWith("application/problem+json");
                });
        assertThat(ghostWorker.list("errors")).extracting(e -> e.get("field")).containsExactly("queues[1]");
        assertThat(ghostRule.list("errors")).extracting(e -> e.get("field")).containsExactly("targetQueue");
        assertThat(ghostTransfer.list("errors")).extracting(e -> e.get("field")).containsExactly("queue");
        assertThat(ghostBulk.list("errors")).extracting(e -> e.get("field")).containsExactly("queue");
        assertThat(nullQueue.list("errors")).extracting(e -> e.get("field")).containsExactly("queues[1]");
        assertThat(badCondition.list("errors")).extracting(e -> e.get("field")).containsExactly("when[1].operator");
        assertThat(badSkill.list("errors")).extracting(e -> e.get("field")).containsExactly("skills[0].minProficiency");
        assertThat(badTimeout.list("errors")).extracting(e -> e.get("field")).containsExactly("reservationTimeoutSeconds");
        assertThat(ghostItem.list("errors")).extracting(e -> e.get("field")).containsExactly("queue");
        assertThat(api.get("/api/v1/workers/ghost@demo", ada).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/work-items/" + item, sam).string("queue")).isNotEqualTo("nowhere-queue");
    }

    @Test
    void aQueueInUseIsNotDeleted_aRuleReadsByItsId_andBulkActionsNeedAFilter() {
        ApiClient api = new ApiClient(server.getURI(), json);
        String ada = api.login("ada@demo", "ada-ordo-demo1");
        String sam = api.login("sam@demo", "sam-ordo-demo1");
        api.put("/api/v1/queues/in-use", ada, Map.of("name", "In use"));
        api.put("/api/v1/routing-rules/to-in-use", ada, Map.of("position", 999, "when", List.of(Map.of("field", "type", "operator", "eq",
                "value", "CREDENTIAL_EXPIRY"), Map.of("field", "attributes.never", "operator", "exists")), "targetQueue", "in-use"));

        ApiClient.Response deleteInUse = api.delete("/api/v1/queues/in-use", ada);
        ApiClient.Response rule = api.get("/api/v1/routing-rules/to-in-use", sam);
        ApiClient.Response noRule = api.get("/api/v1/routing-rules/no-such-rule", sam);
        ApiClient.Response everything = api.post("/api/v1/work-items:assign", sam, Map.of("worker", "alice@demo", "limit", 20));
        api.delete("/api/v1/routing-rules/to-in-use", ada);
        ApiClient.Response deleteUnused = api.delete("/api/v1/queues/in-use", ada);

        assertThat(deleteInUse.status()).isEqualTo(409);
        assertThat(deleteInUse.string("detail")).contains("rule to-in-use");
        assertThat(rule.status()).isEqualTo(200);
        assertThat(rule.body()).containsEntry("targetQueue", "in-use");
        assertThat(noRule.status()).isEqualTo(404);
        assertThat(everything.status()).isEqualTo(400);
        assertThat(everything.list("errors")).extracting(e -> e.get("field")).containsExactly("filter");
        assertThat(deleteUnused.status()).isEqualTo(204);
    }

    @Test
    void bulkTransferByFilter_movesMatchingReadyItemsAndCountsWhatItChanged() {
        ApiClient api = new ApiClient(server.getURI(), json);
        String sam = api.login("sam@demo", "sam-ordo-demo1");
        String alice = api.login("alice@demo", "alice-ordo-demo");

        ApiClient.Response bulk = api.post("/api/v1/work-items:assign", sam, Map.of(
                "filter", Map.of("status", "READY", "type", "PAYMENT_EXCEPTION"), "queue", "payroll-escalations", "limit", 3));
        ApiClient.Response workerTries = api.post("/api/v1/work-items:assign", alice, Map.of(
                "filter", Map.of("status", "READY"), "worker", "alice@demo", "limit", 1));
        ApiClient.Response both = api.post("/api/v1/work-items:assign", sam, Map.of("worker", "alice@demo", "queue", "x"));

        assertThat(bulk.status()).isEqualTo(200);
        assertThat(bulk.body()).containsEntry("matched", 3).containsEntry("changed", 3).containsEntry("skipped", 0);
        assertThat(api.get("/api/v1/work-items?queue=payroll-escalations&limit=10", sam).list("items")).hasSize(3)
                .allSatisfy(item -> assertThat(item.get("status")).isEqualTo("READY"));
        assertThat(workerTries.status()).isEqualTo(403);
        assertThat(both.status()).isEqualTo(400);
    }

    @Test
    void getNextWork_withStart_claimsAndStartsInOneStep() {
        ApiClient api = new ApiClient(server.getURI(), json);
        String sam = api.login("sam@demo", "sam-ordo-demo1");

        ApiClient.Response started = api.post("/api/v1/work/next", sam, Map.of("start", true));
        ApiClient.Response item = api.get("/api/v1/work-items/" + started.string("id"), sam);
        ApiClient.Response completed = api.post("/api/v1/work-items/" + started.string("id") + "/complete", sam,
                Map.of("resolutionCode", "RESOLVED"));

        assertThat(started.status()).isEqualTo(200);
        assertThat(started.string("status")).isEqualTo("IN_PROGRESS");
        assertThat(started.string("assignee")).isEqualTo("sam@demo");
        assertThat(item.list("history")).extracting(h -> h.get("action")).containsSubsequence("claim", "start");
        assertThat(completed.string("status")).isEqualTo("COMPLETED");
    }

    @Test
    void workerMayNotStartSomeoneElsesItem_andAnUnavailableWorkerGets204() {
        ApiClient api = new ApiClient(server.getURI(), json);
        String alice = api.login("alice@demo", "alice-ordo-demo");
        String sam = api.login("sam@demo", "sam-ordo-demo1");
        String ada = api.login("ada@demo", "ada-ordo-demo1");
        ApiClient.Response samsItem = api.post("/api/v1/work/next", sam, Map.of());

        ApiClient.Response aliceStarts = api.post("/api/v1/work-items/" + samsItem.string("id") + "/start", alice, Map.of());
        assertThat(aliceStarts.status()).isEqualTo(403);
        assertThat(aliceStarts.string("rule")).isEqualTo("ASSIGNEE_OR_SUPERVISOR_ONLY");

        api.post("/api/v1/work-items/" + samsItem.string("id") + "/release", sam, Map.of());
        ApiClient.Response unavailable = api.put("/api/v1/workers/alice@demo/availability", sam, Map.of("available", false));
        ApiClient.Response nothing = api.post("/api/v1/work/next", alice, Map.of());
        api.put("/api/v1/workers/alice@demo/availability", sam, Map.of("available", true));

        assertThat(unavailable.status()).isEqualTo(200);
        assertThat(unavailable.body()).containsEntry("available", false);
        assertThat(nothing.status()).isEqualTo(204);
        ApiClient.Response notAWorker = api.post("/api/v1/work/next", ada, Map.of());
        assertThat(notAWorker.status()).isEqualTo(403);
        assertThat(notAWorker.contentType()).startsWith("application/problem+json");
    }
}
