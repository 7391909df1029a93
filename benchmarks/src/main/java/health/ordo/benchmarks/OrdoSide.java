package health.ordo.benchmarks;

import health.ordo.application.port.in.priority.JobStatus;
import health.ordo.application.port.in.priority.MaintainScoresUseCase;
import health.ordo.application.port.in.priority.ManagePriorityPoliciesUseCase;
import health.ordo.application.port.in.routing.GetNextWorkUseCase;
import health.ordo.application.port.in.routing.ManageWorkforceUseCase;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.application.port.in.workitem.ChangeWorkItemStatusUseCase;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.domain.priority.PriorityPolicy;
import health.ordo.domain.routing.Queue;
import health.ordo.domain.routing.Worker;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.LifecycleAction;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemId;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.context.ApplicationContext;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ordo as a library: its application services from the Micronaut context (no HTTP), on tenant {@code bench} with
 * queues {@code q0}…{@code q9} (weight 1 each) and {@code ingest}; worker {@code w<n>@bench} serves queue
 * {@code q<n mod 10>} only. Each claim goes through {@link GetNextWorkUseCase} (fair share, skills, capacity, re-score
 * from the stored basis, claim and start in one transaction with history, outbox event and audit entry), each
 * completion through {@link ChangeWorkItemStatusUseCase}.
 */
final class OrdoSide implements PeerHarness.Engine {

    static final TenantId TENANT = TenantId.of("bench");

    private final GetNextWorkUseCase next;
    private final ChangeWorkItemStatusUseCase status;
    private final IngestWorkItemUseCase ingest;
    private final ManagePriorityPoliciesUseCase policies;
    private final MaintainScoresUseCase maintenance;
    private final Actor[] workers;
    private int policyRound;

    OrdoSide(ApplicationContext context, int workerCount, int queues) {
        next = context.getBean(GetNextWorkUseCase.class);
        status = context.getBean(ChangeWorkItemStatusUseCase.class);
        ingest = context.getBean(IngestWorkItemUseCase.class);
        policies = context.getBean(ManagePriorityPoliciesUseCase.class);
        maintenance = context.getBean(MaintainScoresUseCase.class);
        context.getBean(ProvisionTenantUseCase.class).provision(TENANT, "Benchmark", List.of());
        ManageWorkforceUseCase workforce = context.getBean(ManageWorkforceUseCase.class);
        for (int q = 0; q < queues; q++) {
            workforce.saveQueue(new Queue(TENANT, "q" + q, null, null, null, 1, null));
        }
        workforce.saveQueue(new Queue(TENANT, "ingest", null, null, null, 1, null));
        workers = new Actor[workerCount];
        for (int w = 0; w < workerCount; w++) {
            workers[w] = Actor.user("w" + w + "@bench");
            workforce.saveWorker(new Worker(TENANT, workers[w].name(), null, null, List.of("q" + (w % queues)), Map.of(), 1000, true));
        }
    }

    @Override
    public String name() {
        return "Ordo";
    }

    /**
     * READY items as ingestion leaves them (scored, with their score basis, so a claim re-scores from the basis instead
     * of asking the likelihood model again); row {@code g}'s score is Taskana's priority of row {@code g} / 100.
     */
    @Override
    public void seed(Connection sql, int items, int queues) throws SQLException {
        try (Statement statement = sql.createStatement()) {
            statement.execute("""
                    insert into work_item (tenant_id, id, type, source_system, external_id, content_fingerprint, title, amount,
                        currency, due_at, deadline_at, attributes, requested_queue, queue, status, priority_score, created_at,
                        updated_at, version, scored_at, score_computed, score_policy_id, score_policy_version, score_likelihood,
                        score_likelihood_basis)
                    select 'bench', gen_random_uuid(), 'INVOICE_HOLD', 'bench', 'G-' || g, md5(g::text) || md5(g::text || 'x'),
                        'Load item ' || g, s.cents / 100.0, 'USD', s.due, s.due, '{}'::jsonb, 'q' || (g % QUEUES), 'q' || (g % QUEUES),
                        'READY', s.points / 100.0, now(), now(), 0, now(), s.points / 100.0, 'builtin', 0, 0.5, 'prior: benchmark seed'
                    from generate_series(1, ITEMS) g
                    cross join lateral (select SEED_COLUMNS) s""".replace("SEED_COLUMNS", PeerHarness.SEED_COLUMNS)
                    .replace("ITEMS", Integer.toString(items)).replace("QUEUES", Integer.toString(queues)));
            statement.execute("vacuum analyze work_item");
        }
    }

    @Override
    public String claimNext(int worker, String queue) {
        return next.next(TENANT, workers[worker], true).map(item -> item.id().value().toString()).orElse(null);
    }

    @Override
    public void complete(int worker, String id) {
        status.apply(TENANT, new WorkItemId(UUID.fromString(id)), LifecycleAction.COMPLETE, "RESOLVED", workers[worker]);
    }

    @Override
    public void resetBacklog(Connection sql) throws SQLException {
        try (Statement statement = sql.createStatement()) {
            statement.execute("update work_item set status = 'READY', assignee = null, claimed_at = null "
                    + "where tenant_id = 'bench' and status <> 'READY' and queue <> 'ingest'");
            statement.execute("vacuum analyze work_item");
        }
    }

    /** Items with more than one claim in their history since {@code since} (each run starts from READY items). */
    @Override
    public long doubleAssignmentsInStore(Connection sql, Instant since) throws SQLException {
        try (PreparedStatement statement = sql.prepareStatement("""
                select count(*) from (select work_item_id from work_item_history where tenant_id = 'bench' and action = 'claim'
                and at >= ? group by work_item_id having count(*) > 1) d""")) {
            statement.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** {@link IngestWorkItemUseCase#ingest}: one item, idempotent on its source reference, scored, routed, recorded. */
    @Override
    public void create(int worker, int n, long cents, Instant due) {
        WorkItemContent content = new WorkItemContent(WorkItemType.INVOICE_HOLD, new SourceReference("bench", "I-" + n),
                "Ingested item " + n, new Money(BigDecimal.valueOf(cents, 2), "USD"), due, null, Attributes.NONE, "ingest");
        ingest.ingest(TENANT, content, workers[worker]);
    }

    /**
     * A new version of the realistic policy (7 factors, 10 rules) activated; Ordo's re-scoring job then re-scores every
     * open item (batches of 2,000 claimed with SKIP LOCKED, scored in Java, written back with one array-joined UPDATE per
     * batch). Answers the open items scored since the activation.
     */
    @Override
    public long reprioritise(Connection sql) throws SQLException {
        PriorityPolicy draft = policies.draft(TENANT, "bench", null, "round " + ++policyRound,
                BenchmarkBacklog.realisticPolicy().definition(), Actor.SYSTEM);
        JobStatus job = policies.activate(TENANT, "bench", draft.version(), Actor.SYSTEM);
        while (maintenance.advanceJobs(Duration.ofSeconds(30))) {
            // batch after batch until nothing scored before the activation is left
        }
        try (PreparedStatement statement = sql.prepareStatement("select count(*) from work_item where tenant_id = 'bench' "
                + "and status not in ('COMPLETED', 'CANCELLED') and scored_at >= ?")) {
            statement.setTimestamp(1, Timestamp.from(job.createdAt()));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public long openItems(Connection sql) throws SQLException {
        try (Statement statement = sql.createStatement(); ResultSet rs = statement.executeQuery(
                "select count(*) from work_item where tenant_id = 'bench' and status not in ('COMPLETED', 'CANCELLED')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Ordo's background rounds finish the measured run's work after its window: the outbox relay publishes its events,
     * the chainer links its audit entries. The next run (of either engine) starts when both are done, or after 2 minutes.
     */
    @Override
    public void quiesce(Connection sql) throws Exception {
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < until) {
            try (Statement statement = sql.createStatement(); ResultSet rs = statement.executeQuery("""
                    select (select count(*) from outbox_event where published_at is null)
                         + (select count(*) from audit_log where hash is null)""")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        System.out.println("Ordo's background work was still running 2 minutes after the window");
    }

    @Override
    public String table() {
        return "public.work_item";
    }

    @Override
    public void close() {
        // the harness closes the application context
    }
}
