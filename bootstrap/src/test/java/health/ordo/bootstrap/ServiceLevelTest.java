package health.ordo.bootstrap;

import health.ordo.adapter.persistence.embedded.EmbeddedPostgresServer;
import health.ordo.application.port.in.sla.FireEscalationsUseCase;
import health.ordo.application.port.in.sla.ManageSlaUseCase;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.application.port.in.workitem.IngestOutcome;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.sla.BusinessCalendar;
import health.ordo.domain.sla.EscalationAction;
import health.ordo.domain.sla.SlaPolicy;
import health.ordo.domain.sla.SlaStage;
import health.ordo.domain.sla.SlaTerms;
import health.ordo.domain.sla.WorkingWindow;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** SLA clocks and escalations against the real PostgreSQL: exactly once across two nodes, catch-up after downtime, HTTP. */
@MicronautTest(transactional = false)
class ServiceLevelTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;
    @Inject
    ManageSlaUseCase sla;
    @Inject
    IngestWorkItemUseCase ingest;
    @Inject
    FireEscalationsUseCase escalations;
    @Inject
    health.ordo.application.port.in.routing.ManageWorkforceUseCase workforce;
    @Inject
    EmbeddedPostgresServer postgres;

    private TenantId tenant;

    @BeforeEach
    void tenantWithSecondsLongSla() {
        tenant = TenantId.of("sla-" + UUID.randomUUID().toString().substring(0, 6));
        provision.provision(tenant, "SLA test", List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse("ada@" + tenant.value()), "Ada", "password-of-ada", Set.of(Role.TENANT_ADMIN)),
                new ProvisionTenantUseCase.NewUser(Login.parse("sam@" + tenant.value()), "Sam", "password-of-sam", Set.of(Role.SUPERVISOR))));
        Map<DayOfWeek, List<WorkingWindow>> always = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            always.put(day, List.of(new WorkingWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        }
        sla.saveCalendar(new BusinessCalendar(tenant, "always", "America/New_York", always, Set.of(), List.of()));
        workforce.saveQueue(new health.ordo.domain.routing.Queue(tenant, "payroll-escalations", "Payroll escalations", null, null, 1, null));
        sla.savePolicy(new SlaPolicy(tenant, "fast", 0, WorkItemType.PAYMENT_EXCEPTION, List.of(), "always",
                new SlaTerms(Duration.ofSeconds(1), Duration.ofSeconds(2), 50),
                List.of(new EscalationAction(SlaStage.GOAL_REACHED, null, null, null, true),
                        new EscalationAction(SlaStage.DEADLINE_REACHED, BigDecimal.valueOf(20), "payroll-escalations",
                                "sam@" + tenant.value(), true)),
                null, true));
    }

    private List<WorkItem> items(int count) {
        List<WorkItemContent> contents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            contents.add(new WorkItemContent(WorkItemType.PAYMENT_EXCEPTION, new SourceReference("workday", "PX-" + i + "-" + UUID.randomUUID()),
                    "Payroll exception " + i, Money.of("300.00", "USD"), null, null, Attributes.of(Map.of("payGroup", "Biweekly")), null));
        }
        List<WorkItem> created = new ArrayList<>();
        for (int from = 0; from < count; from += IngestWorkItemUseCase.MAX_BATCH) {
            ingest.ingestBatch(tenant, contents.subList(from, Math.min(count, from + IngestWorkItemUseCase.MAX_BATCH)), Actor.SYSTEM)
                    .forEach(o -> created.add(((IngestOutcome.Created) o).item()));
        }
        return created;
    }

    private long count(String sql) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void twoApplicationContextsOnOneDatabase_fireEachOf1000DueEscalationsExactlyOnce() throws Exception {
        items(1000);
        Thread.sleep(2_500);
        Map<String, Object> second = SecondNode.properties(postgres, "second-node-secret-that-is-long-enough-0123456789");
        try (ApplicationContext otherNode = ApplicationContext.run(second)) {
            FireEscalationsUseCase otherEscalations = otherNode.getBean(FireEscalationsUseCase.class);
            CompletableFuture<Void> a = CompletableFuture.runAsync(() -> {
                while (escalations.fireDue(50) > 0) {
                    // node A drains
                }
            });
            CompletableFuture<Void> b = CompletableFuture.runAsync(() -> {
                while (otherEscalations.fireDue(50) > 0) {
                    // node B drains
                }
            });
            CompletableFuture.allOf(a, b).get();
        }

        String mine = "tenant_id = '" + tenant.value() + "'";
        assertThat(count("select count(*) from sla_timer where " + mine + " and stage = 'DEADLINE_REACHED' and fired_at is not null"))
                .isEqualTo(1000);
        assertThat(count("select count(*) from sla_timer where " + mine + " and fired_at is null and due_at < now()")).isZero();
        assertThat(count("select count(*) from (select work_item_id from work_item_history where " + mine
                + " and action = 'escalate' and note like 'DEADLINE_REACHED%' group by work_item_id having count(*) <> 1) d")).isZero();
        assertThat(count("select count(*) from work_item_history where " + mine + " and action = 'escalate' and note like 'DEADLINE_REACHED%'"))
                .isEqualTo(1000);
        assertThat(count("select count(*) from outbox_event where " + mine + " and event_type = 'PaymentExceptionEscalated'"))
                .isEqualTo(1000);
    }

    @Test
    void escalationsThatFellDueWhileNoNodeRan_fireAtTheNextStartMarkedLateAndOnlyOnce() throws Exception {
        // No node fires escalations in this test context (scheduler off): the "application" is down while these fall due.
        items(20);
        Thread.sleep(3_000);
        Map<String, Object> restarted = SecondNode.properties(postgres, "restarted-node-secret-that-is-long-enough-0123");
        restarted.putAll(Map.of("ordo.priority.maintenance.enabled", "true", "ordo.sla.escalation-initial-delay", "0s",
                "ordo.sla.escalation-interval", "200ms", "ordo.sla.late-after", "1s", "ordo.priority.rescore-initial-delay", "1h"));
        String mine = "tenant_id = '" + tenant.value() + "'";
        try (ApplicationContext node = ApplicationContext.run(restarted)) {
            Eventually.until(() -> count("select count(*) from sla_timer where " + mine + " and fired_at is null and due_at < now()") == 0,
                    "the restarted node fires every escalation that fell due", Duration.ofSeconds(30));
        }
        escalations.fireDue(100);

        assertThat(count("select count(*) from sla_timer where " + mine + " and fired_at is not null and stage in ('GOAL_REACHED', 'DEADLINE_REACHED')"))
                .isEqualTo(40);
        assertThat(count("select count(*) from sla_timer where " + mine + " and fired_at is not null and not late")).isZero();
        assertThat(count("select count(*) from work_item_history where " + mine + " and action = 'escalate' and note like '%(late%'"))
                .as("each escalation once, marked late").isEqualTo(40);
        assertThat(count("select count(*) from outbox_event where " + mine + " and event_type = 'NotificationRequested'")).isEqualTo(40);
    }

    @Test
    void overHttp_anItemGoesThroughGoalDeadlineAndBreach_withActionsInHistoryAndSla() throws Exception {
        ApiClient api = new ApiClient(server.getURI(), json);
        String ada = api.login("ada@" + tenant.value(), "password-of-ada");
        ApiClient.Response created = api.post("/api/v1/work-items", ada, Map.of("type", "PAYMENT_EXCEPTION",
                "source", Map.of("system", "workday", "externalId", "PX-HTTP"), "title", "Negative net pay",
                "amount", Map.of("value", "250.00", "currency", "USD")));
        String id = created.string("id");
        BigDecimal before = new BigDecimal(created.string("priorityScore"));
        ApiClient.Response running = api.get("/api/v1/work-items/" + id + "/sla", ada);
        assertThat(running.body()).containsEntry("policyId", "fast").containsKey("deadlineAt");

        Thread.sleep(2_500);
        escalations.fireDue(100);

        ApiClient.Response clock = api.get("/api/v1/work-items/" + id + "/sla", ada);
        ApiClient.Response item = api.get("/api/v1/work-items/" + id, ada);
        assertThat(clock.string("state")).isEqualTo("BREACHED");
        assertThat(clock.list("escalationsFired")).extracting(f -> f.get("stage"))
                .contains("GOAL_REACHED", "DEADLINE_APPROACHING", "DEADLINE_REACHED");
        assertThat(item.list("history")).extracting(h -> h.get("action")).contains("escalate");
        assertThat(item.string("queue")).isEqualTo("payroll-escalations");
        assertThat(item.string("assignee")).isEqualTo("sam@" + tenant.value());
        assertThat(new BigDecimal(item.string("priorityScore"))).isGreaterThan(before);
        List<Map<String, Object>> breached = api.get("/api/v1/work-items?sla=breached", ada).list("items");
        assertThat(breached).extracting(i -> i.get("id")).contains(id);
        assertThat(breached).filteredOn(i -> id.equals(i.get("id"))).singleElement().satisfies(i -> {
            Map<?, ?> summary = (Map<?, ?>) i.get("sla");
            assertThat(summary.get("state")).isEqualTo("BREACHED");
            assertThat(((Number) summary.get("remainingSeconds")).longValue()).isNegative();
        });
        assertThat(api.get("/api/v1/work-items?sla=whenever", ada).status()).isEqualTo(400);
    }

    @Test
    void aQueueAnSlaPolicyEscalatesInto_isNotDeleted() {
        assertThat(workforce.deleteQueue(tenant, "payroll-escalations")).isFalse();
        assertThat(workforce.queueUsers(tenant, "payroll-escalations")).contains("SLA policy fast");
        assertThat(workforce.queue(tenant, "payroll-escalations")).isPresent();
    }

    @Test
    void aHoldPausesTheSla_butNotTheSourcesOwnDeadline_whichStillEscalates() throws Exception {
        ApiClient api = new ApiClient(server.getURI(), json);
        String ada = api.login("ada@" + tenant.value(), "password-of-ada");
        String sam = api.login("sam@" + tenant.value(), "password-of-sam");
        String id = api.post("/api/v1/work-items", ada, Map.of("type", "PAYMENT_EXCEPTION",
                "source", Map.of("system", "workday", "externalId", "PX-HARD"), "title", "Filing limit",
                "hardDeadlineAt", java.time.Instant.now().plusMillis(1_200).toString())).string("id");
        api.post("/api/v1/work-items/" + id + "/claim", sam, Map.of());
        api.post("/api/v1/work-items/" + id + "/start", sam, Map.of());
        api.post("/api/v1/work-items/" + id + "/hold", sam, Map.of("reason", "waiting on the vendor"));

        Thread.sleep(2_000);
        escalations.fireDue(100);

        ApiClient.Response clock = api.get("/api/v1/work-items/" + id + "/sla", sam);
        assertThat(clock.string("state")).isEqualTo("BREACHED");
        assertThat(clock.list("escalationsFired")).extracting(f -> f.get("stage")).contains("DEADLINE_REACHED");
        assertThat(api.get("/api/v1/work-items?sla=breached", sam).list("items")).extracting(i -> i.get("id")).contains(id);
    }

    @Test
    void holdPausesTheClock_andBadCalendarsOrPoliciesAre422NamingTheField() {
        ApiClient api = new ApiClient(server.getURI(), json);
        String ada = api.login("ada@" + tenant.value(), "password-of-ada");

        ApiClient.Response overlapping = api.put("/api/v1/calendars/bad", ada, Map.of("zone", "America/New_York",
                "hours", Map.of("MONDAY", List.of(Map.of("start", "09:00", "end", "13:00"), Map.of("start", "12:00", "end", "17:00")))));
        ApiClient.Response badZone = api.put("/api/v1/calendars/bad", ada, Map.of("zone", "Mars/Olympus",
                "hours", Map.of("MONDAY", List.of(Map.of("start", "09:00", "end", "17:00")))));
        ApiClient.Response goalAfterDeadline = api.post("/api/v1/sla-policies", ada, Map.of("policyId", "broken",
                "appliesTo", "CLAIM_DENIAL", "goal", "PT40H", "deadline", "PT16H"));
        ApiClient.Response good = api.put("/api/v1/calendars/us", ada, Map.of("zone", "America/New_York",
                "hours", Map.of("MONDAY", List.of(Map.of("start", "09:00", "end", "17:00"))), "holidays", List.of("2026-12-25")));

        assertThat(overlapping.status()).isEqualTo(422);
        assertThat(overlapping.list("errors")).extracting(e -> e.get("field")).containsExactly("hours.MONDAY");
        assertThat(badZone.list("errors")).extracting(e -> e.get("field")).containsExactly("zone");
        ApiClient.Response inDays = api.post("/api/v1/sla-policies", ada, Map.of("policyId", "days", "appliesTo", "CLAIM_DENIAL",
                "goal", "PT8H", "deadline", "P2D"));
        assertThat(inDays.status()).as("P2D would be 48 business hours, not two business days").isEqualTo(422);
        assertThat(inDays.list("errors")).extracting(e -> e.get("field")).containsExactly("deadline");
        ApiClient.Response strandedEscalation = api.post("/api/v1/sla-policies", ada, Map.of("policyId", "stranded",
                "appliesTo", "CLAIM_DENIAL", "goal", "PT8H", "deadline", "PT16H", "escalations", List.of(Map.of("stage", "DEADLINE_REACHED",
                        "moveToQueue", "no-such-queue"))));
        assertThat(strandedEscalation.status()).isEqualTo(422);
        assertThat(strandedEscalation.list("errors")).extracting(e -> e.get("field")).containsExactly("escalations[0].moveToQueue");
        assertThat(goalAfterDeadline.status()).isEqualTo(422);
        assertThat(goalAfterDeadline.list("errors")).extracting(e -> e.get("field")).containsExactly("goal");
        assertThat(good.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/calendars/us", ada).body()).containsEntry("zone", "America/New_York");

        String sam = api.login("sam@" + tenant.value(), "password-of-sam");
        String id = api.post("/api/v1/work-items", ada, Map.of("type", "PAYMENT_EXCEPTION",
                "source", Map.of("system", "workday", "externalId", "PX-HOLD"), "title", "Missing timecard")).string("id");
        api.post("/api/v1/work-items/" + id + "/claim", sam, Map.of());
        api.post("/api/v1/work-items/" + id + "/start", sam, Map.of());
        ApiClient.Response held = api.post("/api/v1/work-items/" + id + "/hold", sam, Map.of("reason", "waiting on manager approval"));
        ApiClient.Response paused = api.get("/api/v1/work-items/" + id + "/sla", sam);

        // the item's SLA state is stored with the change itself, so the action's own answer already shows it
        assertThat(((Map<?, ?>) held.body().get("sla")).get("state")).isEqualTo("PAUSED");
        assertThat(api.get("/api/v1/work-items?sla=paused", sam).list("items")).extracting(i -> i.get("id")).contains(id);

        assertThat(paused.string("state")).isEqualTo("PAUSED");
        assertThat(paused.list("paused")).hasSize(1);
        assertThat(api.get("/api/v1/work-items/" + UUID.randomUUID() + "/sla", sam).status()).isEqualTo(404);
    }
}
