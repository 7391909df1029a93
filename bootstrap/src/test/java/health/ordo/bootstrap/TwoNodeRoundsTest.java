package health.ordo.bootstrap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import health.ordo.adapter.persistence.embedded.EmbeddedPostgresServer;
import health.ordo.application.port.in.audit.AuditUseCase;
import health.ordo.application.port.in.connector.ConnectorConfigChange;
import health.ordo.application.port.in.connector.ConnectorUseCase;
import health.ordo.application.port.in.insights.ImportHistoryUseCase;
import health.ordo.application.port.in.insights.MaintainInsightsUseCase;
import health.ordo.application.port.in.priority.MaintainScoresUseCase;
import health.ordo.application.port.in.priority.ManagePriorityPoliciesUseCase;
import health.ordo.application.port.in.priority.OverridePriorityUseCase;
import health.ordo.application.service.approval.ApprovalService;
import health.ordo.application.port.in.routing.GetNextWorkUseCase;
import health.ordo.application.port.in.routing.ManageWorkforceUseCase;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.application.port.in.workitem.ChangeWorkItemStatusUseCase;
import health.ordo.application.port.in.workitem.IngestOutcome;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.application.port.in.writeback.WriteBackUseCase;
import health.ordo.domain.routing.Queue;
import health.ordo.domain.priority.FactorWeight;
import health.ordo.domain.priority.PolicyDefinition;
import health.ordo.domain.priority.PriorityFactor;
import health.ordo.domain.score.OverrideTarget;
import health.ordo.domain.score.PriorityScore;
import health.ordo.domain.routing.Worker;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.LifecycleAction;
import health.ordo.domain.workitem.Provenance;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Ordo nodes on one PostgreSQL, both running the background rounds at once under mixed load: workers on both
 * nodes claiming work, both re-scoring stale items, both chaining the audit log while both append to it, both
 * dispatching write-backs to a payer's FHIR server, both running every connector's sync round five times, both
 * expiring priority overrides, both running the re-scoring jobs of new policy versions, both expiring undecided approval requests, both importing a legacy history file, and then both refreshing the insight facts and
 * daily rollups. The invariants are checked at the end from the database (the
 * list is in docs/scale-out.md). The scheduled rounds of both contexts are off: the test drives them, so that
 * every round surely runs on both nodes at the same time.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeRoundsTest implements TestPropertyProvider {

    /**
     * How many times the test's work: 1 in the test command; the longer run of docs/benchmarks.md sets
     * {@code -Dordo.two-node.scale=20}.
     */
    private static final int SCALE = Math.max(1, Integer.getInteger("ordo.two-node.scale", 1));
    private static final int CLAIMABLE = 600 * SCALE;
    private static final int STALE = 400 * SCALE;
    private static final int AUDITED = 400 * SCALE;
    private static final int WRITE_BACKS_PER_TENANT = 25 * SCALE;
    private static final int HOLDS_PER_CONNECTOR = 15; // one page of the source, so "read once" is one request at any scale
    private static final int OVERRIDDEN = 60 * SCALE;
    private static final int UNDECIDED = 80 * SCALE;
    private static final int POLICY_TENANTS = 3;
    private static final int RESCORED_PER_TENANT = 300 * SCALE;
    private static final int HISTORY_DAYS = 60;
    private static final int HISTORY_PER_DAY = 5 * SCALE;
    private static final Duration LIMIT = Duration.ofSeconds(90L * SCALE);

    @Inject
    EmbeddedPostgresServer postgres;
    @Inject
    ProvisionTenantUseCase provision;
    @Inject
    IngestWorkItemUseCase ingest;
    @Inject
    ManageWorkforceUseCase workforce;
    @Inject
    ChangeWorkItemStatusUseCase lifecycle;
    @Inject
    ApplicationContext context;
    @Inject
    OverridePriorityUseCase overrides;

    private HttpServer fhir;
    private final Map<String, AtomicInteger> putsByKey = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> getProperties() {
        try {
            fhir = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fhir.createContext("/fhir/", this::handle);
        fhir.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        fhir.start();
        return Map.of("ordo.claims.write-back.fhir-base-url", fhirUrl(), "ordo.priority.maintenance.enabled", "false",
                "ordo.events.enabled", "false", "ordo.insights.maintenance.enabled", "false");
    }

    private String fhirUrl() {
        return "http://127.0.0.1:" + fhir.getAddress().getPort() + "/fhir/";
    }

    @AfterAll
    void stop() {
        fhir.stop(0);
    }

    /** A payer's FHIR server: no Task found for a key, then one PUT per key expected. */
    private void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String key = exchange.getRequestURI().getPath() + (query == null ? "" : "?" + URLDecoder.decode(query, StandardCharsets.UTF_8));
        String body;
        int status;
        if ("PUT".equals(exchange.getRequestMethod())) {
            putsByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            status = 201;
        } else {
            body = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}";
            status = 200;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void bothNodesRunEveryRoundAtOnce_andEachPieceOfWorkIsDoneOnce() throws Exception {
        TenantId tenant = TenantId.of("two-" + UUID.randomUUID().toString().substring(0, 6));
        provision.provision(tenant, "Two nodes", List.of(new ProvisionTenantUseCase.NewUser(Login.parse("sam@" + tenant.value()), "Sam",
                "password-of-sam", Set.of(Role.SUPERVISOR))));
        workforce.saveQueue(new Queue(tenant, "pool", null, null, null, 1, null));
        workforce.saveQueue(new Queue(tenant, "boosted", null, null, null, 1, null));
        // overrides that expire while the nodes run
        for (WorkItem item : ingestAll(tenant, "boosted", OVERRIDDEN, "test", Provenance.api("test"))) {
            java.math.BigDecimal boosted = item.priorityScore().value().add(java.math.BigDecimal.ONE).min(java.math.BigDecimal.valueOf(100));
            overrides.requestOverride(tenant, item.id(), new OverrideTarget(OverrideTarget.Kind.SCORE, new PriorityScore(boosted)),
                    "PAYER_ESCALATION", null, java.time.Instant.now().plusSeconds(1), Actor.supervisor("sam@" + tenant.value()));
        }
        // approval requests nobody decided in time
        execute("insert into approval_request (tenant_id, id, kind, subject, parameters, requested_by, requested_at, status)"
                + " select '" + tenant.value() + "', gen_random_uuid(), 'WRITE_OFF', 'item-' || g, '{}', 'sam@" + tenant.value()
                + "', now() - interval '8 days', 'PENDING' from generate_series(1, " + UNDECIDED + ") g");
        workforce.saveQueue(new Queue(tenant, "cold", null, null, null, 1, null));
        List<Actor> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            workforce.saveWorker(new Worker(tenant, "w" + w + "@" + tenant.value(), null, null, List.of("pool"), Map.of(), 1000, true));
            workers.add(Actor.user("w" + w + "@" + tenant.value()));
        }
        ingestAll(tenant, "pool", CLAIMABLE, "test", Provenance.api("test"));
        ingestAll(tenant, "cold", STALE, "test", Provenance.api("test"));
        execute("update work_item set scored_at = '2000-01-01' where tenant_id = '" + tenant.value() + "' and queue = 'cold'");
        List<TenantId> payers = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            TenantId payerTenant = TenantId.of("twb-" + UUID.randomUUID().toString().substring(0, 6));
            provision.provision(payerTenant, "Write-backs " + p, List.of(new ProvisionTenantUseCase.NewUser(
                    Login.parse("boss@" + payerTenant.value()), "Boss", "password-of-boss", Set.of(Role.SUPERVISOR))));
            Actor boss = Actor.supervisor("boss@" + payerTenant.value());
            for (WorkItem denial : ingestAll(payerTenant, null, WRITE_BACKS_PER_TENANT, "x12-835", Provenance.inbound("test"))) {
                lifecycle.apply(payerTenant, denial.id(), LifecycleAction.CLAIM, null, boss);
                lifecycle.apply(payerTenant, denial.id(), LifecycleAction.START, null, boss);
                lifecycle.apply(payerTenant, denial.id(), LifecycleAction.COMPLETE, "APPEALED", boss);
            }
            payers.add(payerTenant);
        }
        List<ErpConnectorTest.FakeOracle> oracles = new ArrayList<>();
        for (TenantId payerTenant : payers) {
            ErpConnectorTest.FakeOracle oracle = new ErpConnectorTest.FakeOracle();
            for (int h = 0; h < HOLDS_PER_CONNECTOR; h++) {
                oracle.holds.add(ErpConnectorTest.hold(5000 + h, "Supplier " + h, "250.00", "2026-11-22T08:00:00.000+00:00"));
            }
            oracles.add(oracle);
            context.getBean(ConnectorUseCase.class).configure(payerTenant, "oracle-ap", new ConnectorConfigChange("oracle-fusion-invoice-holds",
                    oracle.url(), null, 600, true, Map.of("auth", "basic", "username", "ap.integration"), Map.of("password", "s3cr3t-Pa55")),
                    "boss@" + payerTenant.value());
        }
        StringBuilder history = new StringBuilder("type,queue,source_reference,received,completed\n");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        for (int d = HISTORY_DAYS; d > 0; d--) {
            for (int i = 0; i < HISTORY_PER_DAY; i++) {
                java.time.Instant received = today.minusDays(d).atTime(9, 0).plusMinutes(7L * i).toInstant(java.time.ZoneOffset.UTC);
                history.append("CLAIM_DENIAL,pool,HX-").append(d).append('-').append(i).append(',').append(received).append(',')
                        .append(received.plusSeconds(5400)).append('\n');
            }
        }
        context.getBean(ImportHistoryUseCase.class).submit(tenant, "sam@" + tenant.value(), ImportHistoryUseCase.Format.CSV, "legacy-wq",
                history.toString());
        // new policies activated in three tenants: their re-scoring jobs wait for the nodes; a trigger traces each re-score
        execute("""
                create table if not exists two_node_rescore_trace (tenant_id text, id uuid, policy text, version integer);
                create or replace function two_node_rescore_trace() returns trigger language plpgsql security definer as $$
                begin
                    insert into two_node_rescore_trace values (new.tenant_id, new.id, new.score_policy_id, new.score_policy_version);
                    return new;
                end $$;
                drop trigger if exists two_node_rescore_trace on work_item;
                create trigger two_node_rescore_trace after update of scored_at on work_item for each row
                    when (new.tenant_id like 'tpol-%') execute function two_node_rescore_trace();""");
        List<TenantId> policyTenants = new ArrayList<>();
        ManagePriorityPoliciesUseCase policies = context.getBean(ManagePriorityPoliciesUseCase.class);
        for (int p = 0; p < POLICY_TENANTS; p++) {
            TenantId policyTenant = TenantId.of("tpol-" + UUID.randomUUID().toString().substring(0, 6));
            provision.provision(policyTenant, "Policies " + p, List.of(new ProvisionTenantUseCase.NewUser(
                    Login.parse("ada@" + policyTenant.value()), "Ada", "password-of-ada", Set.of(Role.TENANT_ADMIN))));
            ingestAll(policyTenant, null, RESCORED_PER_TENANT, "x12-835", Provenance.inbound("test"));
            Actor admin = Actor.user("ada@" + policyTenant.value());
            policies.draft(policyTenant, "steady", null, "money first", new PolicyDefinition(
                    List.of(FactorWeight.of(PriorityFactor.FINANCIAL_IMPACT, "1")), List.of()), admin);
            assertThat(policies.activate(policyTenant, "steady", 1, admin).total()).isEqualTo(RESCORED_PER_TENANT);
            policyTenants.add(policyTenant);
        }
        String inPolicies = policyTenants.stream().map(t -> "'" + t.value() + "'").reduce((a, b) -> a + "," + b).orElseThrow();
        String inPayers = payers.stream().map(t -> "'" + t.value() + "'").reduce((a, b) -> a + "," + b).orElseThrow();

        Map<String, Object> second = SecondNode.properties(postgres, "rounds-node-secret-that-is-long-enough-0123456789");
        second.put("ordo.secrets.key", "test-only-secrets-key-that-is-long-enough-0123456789");
        second.put("ordo.outbound.allow", "127.0.0.1/32");
        second.put("ordo.events.enabled", "false");
        second.put("ordo.insights.maintenance.enabled", "false");
        second.put("ordo.claims.write-back.fhir-base-url", fhirUrl());
        Map<String, String> claimedBy = new ConcurrentHashMap<>();
        List<String> claimedTwice = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger rescored = new AtomicInteger();
        long started;
        try (ApplicationContext other = ApplicationContext.run(second)) {
            List<ApplicationContext> nodes = List.of(context, other);
            started = System.nanoTime();
            List<CompletableFuture<Void>> load = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                ApplicationContext node = nodes.get(n);
                String name = "node" + n;
                for (Actor worker : workers.subList(n * 4, n * 4 + 4)) {
                    load.add(CompletableFuture.runAsync(() -> until(() -> count("select count(*) from work_item where tenant_id = '"
                            + tenant.value() + "' and queue = 'pool' and status = 'READY'") == 0, () -> node.getBean(GetNextWorkUseCase.class)
                            .next(tenant, worker).ifPresent(item -> {
                                if (claimedBy.putIfAbsent(item.id().value().toString(), name + "/" + worker.name()) != null) {
                                    claimedTwice.add(item.id().value().toString());
                                }
                            }))));
                }
                load.add(CompletableFuture.runAsync(() -> until(() -> count("select count(*) from work_item where tenant_id = '"
                        + tenant.value() + "' and override_expires_at is not null") == 0,
                        () -> node.getBean(MaintainScoresUseCase.class).expireOverrides(20))));
                load.add(CompletableFuture.runAsync(() -> until(() -> count("select count(*) from background_job where tenant_id in ("
                        + inPolicies + ") and state <> 'SUCCEEDED'") == 0,
                        () -> node.getBean(MaintainScoresUseCase.class).advanceJobs(Duration.ofMillis(20)))));
                load.add(CompletableFuture.runAsync(() -> until(() -> count("select count(*) from approval_request where tenant_id = '"
                        + tenant.value() + "' and status = 'PENDING'") == 0, () -> node.getBean(ApprovalService.class).expireOverdue(10))));
                load.add(CompletableFuture.runAsync(() -> until(() -> count("select count(*) from work_item where tenant_id = '"
                        + tenant.value() + "' and scored_at < '2001-01-01'") == 0,
                        () -> rescored.addAndGet(node.getBean(MaintainScoresUseCase.class).rescoreStale(Duration.ofDays(365 * 20), 25)))));
                AuditUseCase audit = node.getBean(AuditUseCase.class);
                load.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < AUDITED / 2; i++) {
                        audit.record(tenant, name, "test", "round", Integer.toString(i), Map.of("node", name), null, null);
                        if (i % 20 == 0) {
                            audit.chainPending();
                        }
                    }
                }));
                load.add(CompletableFuture.runAsync(() -> until(() -> count("select count(*) from write_back where tenant_id in ("
                        + inPayers + ") and status = 'PENDING'") == 0, () -> node.getBean(WriteBackUseCase.class).dispatchDue(10))));
                load.add(CompletableFuture.runAsync(() -> until(() -> count("select count(*) from history_import where tenant_id = '"
                        + tenant.value() + "' and status = 'COMPLETED'") == 1, () -> node.getBean(MaintainInsightsUseCase.class).runNextImport())));
                load.add(CompletableFuture.runAsync(() -> {
                    for (int round = 0; round < 5; round++) {
                        node.getBean(ConnectorUseCase.class).syncAll();
                    }
                }));
            }
            CompletableFuture.allOf(load.toArray(CompletableFuture[]::new)).get();
            long loadNanos = System.nanoTime() - started;
            CompletableFuture.allOf(nodes.stream().map(node -> CompletableFuture.runAsync(() -> until(() -> count(
                    "select count(*) from audit_log where tenant_id = '" + tenant.value() + "' and hash is null") == 0,
                    () -> node.getBean(AuditUseCase.class).chainPending()))).toArray(CompletableFuture[]::new)).get();
            // the insight rounds, on both nodes, until the tenant's facts are those of its items and every changed day is rolled up
            CompletableFuture.allOf(nodes.stream().map(node -> CompletableFuture.runAsync(() -> until(() -> count(
                    "select count(*) from insight_dirty_day where tenant_id = '" + tenant.value() + "'") == 0 && count(
                    "select count(*) from work_fact where tenant_id = '" + tenant.value() + "' and origin = 'LIVE'") == count(
                    "select count(*) from work_item where tenant_id = '" + tenant.value() + "'"), () -> {
                        MaintainInsightsUseCase insights = node.getBean(MaintainInsightsUseCase.class);
                        insights.refreshFacts();
                        insights.rollUpChangedDays();
                    }))).toArray(CompletableFuture[]::new)).get();
            org.slf4j.LoggerFactory.getLogger(TwoNodeRoundsTest.class).info("two-node rounds at scale {}: mixed load {} ms, then audit"
                    + " chain and insights {} ms", SCALE, loadNanos / 1_000_000, (System.nanoTime() - started - loadNanos) / 1_000_000);
        }

        assertThat(claimedTwice).as("no item claimed twice").isEmpty();
        assertThat(claimedBy).hasSize(CLAIMABLE);
        assertThat(claimedBy.values()).as("both nodes claimed").anyMatch(v -> v.startsWith("node0")).anyMatch(v -> v.startsWith("node1"));
        assertThat(count("select count(*) from work_item where tenant_id = '" + tenant.value() + "' and queue = 'pool' and status = 'CLAIMED'"))
                .isEqualTo(CLAIMABLE);
        assertThat(rescored.get()).as("each stale item re-scored once, across both nodes").isEqualTo(STALE);
        assertThat(count("select count(*) from work_item_history where tenant_id = '" + tenant.value() + "' and action = 'override-expired'"))
                .as("each override expired once").isEqualTo(OVERRIDDEN);
        assertThat(count("select count(distinct work_item_id) from work_item_history where tenant_id = '" + tenant.value()
                + "' and action = 'override-expired'")).isEqualTo(OVERRIDDEN);
        execute("drop trigger two_node_rescore_trace on work_item");
        assertThat(count("select count(*) from background_job where tenant_id in (" + inPolicies + ") and state = 'SUCCEEDED'"
                + " and done = total")).as("every re-scoring job finished").isEqualTo(POLICY_TENANTS);
        assertThat(count("select count(*) from two_node_rescore_trace where tenant_id in (" + inPolicies + ")"))
                .as("each item re-scored once for the new version").isEqualTo((long) POLICY_TENANTS * RESCORED_PER_TENANT);
        assertThat(count("select count(distinct id) from two_node_rescore_trace where tenant_id in (" + inPolicies
                + ") and policy = 'steady' and version = 1")).isEqualTo((long) POLICY_TENANTS * RESCORED_PER_TENANT);
        assertThat(count("select count(*) from work_item where tenant_id in (" + inPolicies + ") and score_policy_id is distinct from 'steady'"))
                .as("no item left on the old policy").isZero();
        assertThat(count("select count(*) from approval_request where tenant_id = '" + tenant.value() + "' and status = 'EXPIRED'"
                + " and decided_by = 'system:approval-expiry'")).as("every undecided request expired").isEqualTo(UNDECIDED);
        assertThat(count("select count(*) from audit_log where tenant_id = '" + tenant.value() + "' and action = 'approval-expired'"))
                .as("each request expired once").isEqualTo(UNDECIDED);
        assertThat(count("select count(distinct entity_id) from audit_log where tenant_id = '" + tenant.value()
                + "' and action = 'approval-expired'")).isEqualTo(UNDECIDED);
        assertThat(count("select count(*) from audit_log where tenant_id = '" + tenant.value() + "' and action = 'test'"))
                .isEqualTo(AUDITED);
        assertThat(count("select max(seq) - min(seq) + 1 - count(*) from audit_log where tenant_id = '" + tenant.value() + "'"))
                .as("the chain's positions have no gap and no repeat").isZero();
        assertThat(context.getBean(AuditUseCase.class).verify(tenant).intact()).as("the chain verifies").isTrue();
        assertThat(count("select count(*) from write_back where tenant_id in (" + inPayers + ") and status = 'APPLIED' and attempts = 1"))
                .as("every write-back applied by one attempt").isEqualTo(3L * WRITE_BACKS_PER_TENANT);
        assertThat(putsByKey).hasSize(3 * WRITE_BACKS_PER_TENANT);
        assertThat(count("select rows_read from history_import where tenant_id = '" + tenant.value() + "'"))
                .as("the history file read once, though both nodes ran imports").isEqualTo((long) HISTORY_DAYS * HISTORY_PER_DAY);
        assertThat(count("select count(*) from work_fact where tenant_id = '" + tenant.value() + "' and origin = 'IMPORTED'"))
                .isEqualTo((long) HISTORY_DAYS * HISTORY_PER_DAY);
        assertThat(count("select coalesce(sum(arrivals), 0) from work_daily where tenant_id = '" + tenant.value() + "' and dimension = ''"))
                .as("the daily rollups count every fact once").isEqualTo(count("select count(*) from work_fact where tenant_id = '"
                        + tenant.value() + "'"));
        assertThat(count("select coalesce(sum(arrivals), 0) from work_monthly where tenant_id = '" + tenant.value() + "' and dimension = ''"))
                .as("the monthly rollups too").isEqualTo(count("select count(*) from work_fact where tenant_id = '" + tenant.value() + "'"));
        oracles.forEach(ErpConnectorTest.FakeOracle::close);
        assertThat(oracles).as("each connector's source read by one sync, though both nodes ran five rounds")
                .allSatisfy(oracle -> assertThat(oracle.holdRequests.get()).isEqualTo(1));
        assertThat(count("select count(*) from connector_run where tenant_id in (" + inPayers + ") and trigger = 'SCHEDULE'"))
                .as("one run per connector").isEqualTo(3);
        assertThat(count("select count(*) from connector_run where tenant_id in (" + inPayers + ") and (status <> 'SUCCEEDED' or error is not null)"))
                .as("no run interrupted by another node's").isZero();
        assertThat(count("select count(*) from work_item where tenant_id in (" + inPayers + ") and source_system = 'oracle-fusion'"))
                .isEqualTo(3L * HOLDS_PER_CONNECTOR);
        assertThat(putsByKey.values()).as("the payer received each outcome once").allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }

    private List<WorkItem> ingestAll(TenantId tenant, String queue, int count, String system, Provenance provenance) {
        List<WorkItemContent> contents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            contents.add(new WorkItemContent(queue == null ? WorkItemType.CLAIM_DENIAL : WorkItemType.INVOICE_HOLD,
                    new SourceReference(system, "TN-" + i + "-" + UUID.randomUUID()), "Item " + i, Money.of("100.00", "USD"), null, null,
                    Attributes.of(Map.of("denialCategory", "AUTHORIZATION", "carc", "197")), queue));
        }
        List<WorkItem> created = new ArrayList<>();
        for (int from = 0; from < count; from += IngestWorkItemUseCase.MAX_BATCH) {
            ingest.ingestBatch(tenant, contents.subList(from, Math.min(count, from + IngestWorkItemUseCase.MAX_BATCH)), Actor.SYSTEM, provenance)
                    .forEach(o -> created.add(((IngestOutcome.Created) o).item()));
        }
        return created;
    }

    /** Runs the round until the condition holds (checked after each round), at most {@link #LIMIT}. */
    private static void until(BooleanSupplier done, Runnable round) {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < end) {
            round.run();
            if (done.getAsBoolean()) {
                return;
            }
        }
        throw new AssertionError("a round did not finish within " + LIMIT);
    }

    private long count(String sql) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
