package health.ordo.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API v1 over real HTTP against the started application and its embedded PostgreSQL. */
@MicronautTest(transactional = false)
class WorkItemApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provisionTenant;
    @Inject
    JwtTokenGenerator tokenGenerator;

    private ApiClient api;
    private String alice;

    @BeforeEach
    void signIn() {
        api = new ApiClient(server.getURI(), json);
        alice = api.login("alice@demo", "alice-ordo-demo");
    }

    private static Map<String, Object> invoiceHold(String externalId) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "INVOICE_HOLD");
        body.put("source", Map.of("system", "oracle-fusion", "externalId", externalId));
        body.put("title", "Invoice " + externalId + " on price hold");
        body.put("amount", Map.of("value", "1234.50", "currency", "USD"));
        body.put("dueAt", "2030-01-15T17:00:00Z");
        body.put("attributes", Map.of("supplier", "Medline Industries", "holdName", "PRICE", "soleSource", true));
        return body;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void givenNewItem_createGetAndFullLifecycle_workOverHttp() {
        ApiClient.Response created = api.post("/api/v1/work-items", alice, invoiceHold(unique("HOLD")));
        assertThat(created.status()).isEqualTo(201);
        String id = created.string("id");
        assertThat(created.header("Location")).isEqualTo("/api/v1/work-items/" + id);
        assertThat(created.string("status")).isEqualTo("READY");
        assertThat(created.body().get("amount")).isEqualTo(Map.of("value", "1234.50", "currency", "USD"));
        assertThat(new BigDecimal(created.string("priorityScore"))).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));

        assertThat(api.post("/api/v1/work-items/" + id + "/claim", alice, Map.of()).string("status")).isEqualTo("CLAIMED");
        assertThat(api.post("/api/v1/work-items/" + id + "/start", alice, Map.of()).string("status")).isEqualTo("IN_PROGRESS");
        assertThat(api.post("/api/v1/work-items/" + id + "/hold", alice, Map.of("reason", "waiting on supplier credit memo"))
                .string("status")).isEqualTo("ON_HOLD");
        assertThat(api.post("/api/v1/work-items/" + id + "/resume", alice, Map.of()).string("status")).isEqualTo("IN_PROGRESS");
        ApiClient.Response completed = api.post("/api/v1/work-items/" + id + "/complete", alice, Map.of("resolutionCode", "RELEASED"));
        assertThat(completed.string("status")).isEqualTo("COMPLETED");
        assertThat(completed.string("resolutionCode")).isEqualTo("RELEASED");
        assertThat(completed.string("fhirTaskStatus")).isEqualTo("completed");

        ApiClient.Response fetched = api.get("/api/v1/work-items/" + id, alice);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.string("assignee")).isEqualTo("alice@demo");
        assertThat(fetched.list("history")).extracting(h -> h.get("action"))
                .containsExactly("create", "route", "claim", "start", "hold", "resume", "complete");
        assertThat(fetched.list("history").get(4).get("note")).isEqualTo("waiting on supplier credit memo");
    }

    @Test
    void givenRepeatedCreate_sameContentReturnsSameItemAndDifferentContentIs409() {
        Map<String, Object> body = invoiceHold(unique("HOLD"));
        String id = api.post("/api/v1/work-items", alice, body).string("id");

        ApiClient.Response repeat = api.post("/api/v1/work-items", alice, body);
        Map<String, Object> changed = new HashMap<>(body);
        changed.put("title", "something else");
        ApiClient.Response conflict = api.post("/api/v1/work-items", alice, changed);

        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.string("id")).isEqualTo(id);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.string("type")).endsWith("/source-conflict");
        assertThat(api.get("/api/v1/work-items/" + id, alice).list("history")).extracting(h -> h.get("action"))
                .as("create and routing only").containsExactly("create", "route");
    }

    @Test
    void givenBatchWithBadItems_goodItemsAreStoredAndEachItemGetsItsOutcome() {
        String first = unique("B");
        List<Object> items = new ArrayList<>();
        items.add(invoiceHold(first));
        Map<String, Object> negative = invoiceHold(unique("B"));
        negative.put("amount", Map.of("value", "-5", "currency", "USD"));
        items.add(negative);
        items.add(invoiceHold(first));
        items.add("not an object");
        items.add(invoiceHold(unique("B")));

        ApiClient.Response response = api.post("/api/v1/work-items:batch", alice, Map.of("items", items));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.list("results")).extracting(r -> r.get("outcome"))
                .containsExactly("created", "rejected", "duplicate", "rejected", "created");
        assertThat(response.body()).containsEntry("created", 2).containsEntry("rejected", 2).containsEntry("duplicates", 1);
        assertThat(response.list("results").get(1).toString()).contains("items[1].amount.value");
        assertThat(response.list("results").get(2).get("id")).isEqualTo(response.list("results").get(0).get("id"));

        ApiClient.Response resent = api.post("/api/v1/work-items:batch", alice, Map.of("items", items));
        assertThat(resent.body()).containsEntry("created", 0).containsEntry("duplicates", 3);
    }

    @Test
    void givenDemoBacklog_list_isSortedByScoreThenDeadlineAndCursorPagesDoNotOverlap() {
        ApiClient.Response first = api.get("/api/v1/work-items?limit=50", alice);
        ApiClient.Response second = api.get("/api/v1/work-items?limit=50&cursor=" + first.string("nextCursor"), alice);

        List<Map<String, Object>> all = new ArrayList<>(first.list("items"));
        all.addAll(second.list("items"));
        assertThat(all).hasSize(100);
        for (int i = 1; i < all.size(); i++) {
            BigDecimal previous = new BigDecimal(all.get(i - 1).get("priorityScore").toString());
            BigDecimal current = new BigDecimal(all.get(i).get("priorityScore").toString());
            assertThat(current).as("item %d", i).isLessThanOrEqualTo(previous);
        }
        Set<Object> ids = new HashSet<>();
        all.forEach(item -> ids.add(item.get("id")));
        assertThat(ids).hasSize(100);
    }

    @Test
    void givenFilters_list_returnsOnlyMatchingItems() {
        ApiClient.Response holds = api.get("/api/v1/work-items?type=PAYMENT_BLOCK&status=READY&limit=500", alice);

        assertThat(holds.list("items")).isNotEmpty().allSatisfy(item -> {
            assertThat(item.get("type")).isEqualTo("PAYMENT_BLOCK");
            assertThat(item.get("status")).isEqualTo("READY");
        });
        assertThat(api.get("/api/v1/work-items?queue=denials&limit=5", alice).list("items"))
                .allSatisfy(item -> assertThat(item.get("queue")).isEqualTo("denials"));
    }

    @Test
    void givenOtherTenantsItem_getAndActions_are404() {
        String id = api.post("/api/v1/work-items", alice, invoiceHold(unique("HOLD"))).string("id");
        provisionTenant.provision(TenantId.of("rival"), "Rival Health", List.of(new ProvisionTenantUseCase.NewUser(
                Login.parse("eve@rival"), "Eve", "eve-rival-password", Set.of(Role.SUPERVISOR))));
        String eve = api.login("eve@rival", "eve-rival-password");

        assertThat(api.get("/api/v1/work-items/" + id, eve).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/work-items/" + id + "/claim", eve, Map.of()).status()).isEqualTo(404);
        ApiClient.Response eveList = api.get("/api/v1/work-items?limit=500", eve);
        assertThat(eveList.status()).as(eveList.raw().body()).isEqualTo(200);
        assertThat(eveList.list("items"))
                .noneSatisfy(item -> assertThat(item.get("id")).isEqualTo(id));
        assertThat(api.get("/api/v1/work-items/" + id, alice).string("status")).isEqualTo("READY");
    }

    @Test
    void givenIllegalTransition_response_is409ProblemNamingTheRule() {
        String id = api.post("/api/v1/work-items", alice, invoiceHold(unique("HOLD"))).string("id");

        ApiClient.Response response = api.post("/api/v1/work-items/" + id + "/complete", alice, Map.of("resolutionCode", "PAID"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).containsEntry("rule", "COMPLETE_REQUIRES_IN_PROGRESS")
                .containsEntry("currentStatus", "READY").containsKeys("type", "title", "status", "detail");
    }

    @Test
    void givenBadInput_responsesAre4xxProblemsNamingTheFieldAndTheLogHasNoStackTrace() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        try {
            Map<String, Object> missingType = invoiceHold(unique("BAD"));
            missingType.remove("type");
            Map<String, Object> negative = invoiceHold(unique("BAD"));
            negative.put("amount", Map.of("value", "-1", "currency", "USD"));
            Map<String, Object> unknownType = invoiceHold(unique("BAD"));
            unknownType.put("type", "NOT_A_TYPE");
            Map<String, Object> wrongJsonType = invoiceHold(unique("BAD"));
            wrongJsonType.put("amount", "lots");

            assertProblem(api.postRaw("/api/v1/work-items", alice, "{\"type\": ", "application/json"), 400, null);
            assertProblem(api.post("/api/v1/work-items", alice, missingType), 400, "type");
            assertProblem(api.post("/api/v1/work-items", alice, negative), 400, "amount.value");
            assertProblem(api.post("/api/v1/work-items", alice, unknownType), 400, "type");
            assertProblem(api.post("/api/v1/work-items", alice, wrongJsonType), 400, "amount");
            assertProblem(api.get("/api/v1/work-items?limit=0", alice), 400, "limit");
            assertProblem(api.get("/api/v1/work-items?cursor=bogus", alice), 400, "cursor");
            assertProblem(api.get("/api/v1/work-items/not-a-uuid", alice), 400, "id");
            assertProblem(api.get("/api/v1/work-items/" + UUID.randomUUID(), alice), 404, null);
            assertProblem(api.postRaw("/api/v1/work-items", alice, "<xml/>", "application/xml"), 415, null);
            assertProblem(api.postRaw("/api/v1/work-items", alice, "{\"title\":\"" + "x".repeat(3_000_000) + "\"}",
                    "application/json"), 413, null);
        } finally {
            root.detachAppender(log);
        }
        assertThat(log.list).noneSatisfy(event -> {
            assertThat(event.getLevel().isGreaterOrEqual(Level.ERROR)).isTrue();
        });
        assertThat(log.list).allSatisfy(event -> assertThat(event.getThrowableProxy()).isNull());
    }

    @Test
    void givenMissingTamperedOrExpiredToken_request_is401Problem() {
        String expired = tokenGenerator.generateToken(Map.of("sub", "alice@demo", "tenant", "demo", "roles", List.of("WORKER"),
                "exp", Instant.now().minusSeconds(60).getEpochSecond())).orElseThrow();

        assertProblem(api.get("/api/v1/work-items", null), 401, null);
        assertProblem(api.get("/api/v1/work-items", alice.substring(0, alice.length() - 4) + "AAAA"), 401, null);
        assertProblem(api.get("/api/v1/work-items", expired), 401, null);
        assertProblem(api.get("/api/v1/work-items", "not-a-jwt"), 401, null);
        assertProblem(api.post("/login", null, Map.of("username", "alice@demo", "password", "wrong")), 401, null);
    }

    @Test
    void health_isUpAndOpenApiDocumentIsServed() {
        ApiClient.Response health = api.get("/health", null);
        ApiClient.Response openapi = api.get("/openapi/ordo-api-v1.yml", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.string("status")).isEqualTo("UP");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.raw().body()).contains("/api/v1/work-items:batch", "/api/v1/work-items/{id}/claim");
    }

    private static void assertProblem(ApiClient.Response response, int status, String field) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).containsKeys("type", "title", "status", "detail").containsEntry("status", status);
        if (field != null) {
            assertThat(response.list("errors")).extracting(e -> e.get("field")).contains(field);
        }
    }
}
