package health.ordo.benchmarks;

import health.ordo.adapter.persistence.embedded.EmbeddedPostgresServer;
import health.ordo.application.port.in.priority.JobStatus;
import health.ordo.application.port.in.priority.MaintainScoresUseCase;
import health.ordo.application.port.in.priority.ManagePriorityPoliciesUseCase;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.priority.PolicyDefinition;
import health.ordo.domain.priority.PriorityPolicy;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import io.micronaut.context.ApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bulk re-score of stored items in PostgreSQL: Ordo's path (activate a policy version, let the re-scoring job run:
 * claim batches with SKIP LOCKED, score with the 7-factor/10-rule policy in Java, write score and explanation back
 * with one array-joined UPDATE per batch) against one raw SQL UPDATE computing a comparable score, on the same
 * database in the same run, alternating, several rounds. Prints medians and the ratio.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar health.ordo.benchmarks.RescoreHarness [--items N] [--rounds R]
 * [--url jdbc:postgresql://… --user U --password P]}
 */
public final class RescoreHarness {

    private static final String TENANT = "bench";

    private RescoreHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = HarnessServer.options(args);
        int items = Integer.parseInt(options.getOrDefault("--items", "1000000"));
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "3"));
        Map<String, Object> properties = HarnessServer.properties(options, "bench-pg");
        properties.put("ordo.priority.maintenance.enabled", "false");
        properties.put("ordo.priority.likelihood.timeout", "5s");
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            String url = options.containsKey("--url") ? options.get("--url") : context.getBean(EmbeddedPostgresServer.class).jdbcUrl();
            try (Connection sql = DriverManager.getConnection(url, options.getOrDefault("--user", "postgres"),
                    options.getOrDefault("--password", ""))) {
                run(context, sql, items, rounds);
            }
        }
        System.exit(0);
    }

    private static void run(ApplicationContext context, Connection sql, int items, int rounds) throws SQLException {
        context.getBean(ProvisionTenantUseCase.class).provision(TenantId.of(TENANT), "Benchmark", List.of());
        long seedStart = System.nanoTime();
        seed(sql, items);
        System.out.printf(Locale.ROOT, "seeded %,d items in %.1f s%n", items, seconds(seedStart));
        ManagePriorityPoliciesUseCase policies = context.getBean(ManagePriorityPoliciesUseCase.class);
        MaintainScoresUseCase maintenance = context.getBean(MaintainScoresUseCase.class);
        PolicyDefinition definition = BenchmarkBacklog.realisticPolicy().definition();
        double[] ordo = new double[rounds];
        double[] raw = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            ageScores(sql);
            PriorityPolicy draft = policies.draft(TenantId.of(TENANT), "bench", null, "round " + round, definition, Actor.SYSTEM);
            long start = System.nanoTime();
            JobStatus job = policies.activate(TenantId.of(TENANT), "bench", draft.version(), Actor.SYSTEM);
            while (maintenance.advanceJobs(Duration.ofSeconds(30))) {
                // the job runs batch after batch until nothing older than the activation is left
            }
            ordo[round] = seconds(start);
            long fresh = GetNextWorkHarness.count(sql, "select count(*) from work_item where tenant_id = '" + TENANT + "' and scored_at >= '"
                    + job.createdAt() + "'");
            if (fresh != items) {
                throw new IllegalStateException("Ordo re-scored " + fresh + " of " + items + " items");
            }
            ageScores(sql);
            start = System.nanoTime();
            long updated = rawUpdate(sql);
            raw[round] = seconds(start);
            System.out.printf(Locale.ROOT, "round %d: Ordo job %.2f s (%,.0f items/s), raw SQL UPDATE %.2f s (%,d rows), ratio %.2f%n",
                    round + 1, ordo[round], items / ordo[round], raw[round], updated, ordo[round] / raw[round]);
        }
        double ordoMedian = median(ordo);
        double rawMedian = median(raw);
        System.out.printf(Locale.ROOT, "RESULT items=%d rounds=%d ordo_median_s=%.2f raw_sql_median_s=%.2f ratio=%.2f ordo_items_per_s=%.0f%n",
                items, rounds, ordoMedian, rawMedian, ordoMedian / rawMedian, items / ordoMedian);
    }

    /** Items of every type with log-uniform amounts, deadlines from 5 days ago to 65 days ahead, realistic attributes. */
    private static void seed(Connection sql, int items) throws SQLException {
        try (Statement statement = sql.createStatement()) {
            statement.execute("""
                    insert into work_item (tenant_id, id, type, source_system, external_id, content_fingerprint, title, amount,
                        currency, due_at, hard_deadline_at, deadline_at, attributes, requested_queue, queue, status, priority_score,
                        created_at, updated_at, version, scored_at)
                    select 'bench', gen_random_uuid(), t.type, 'bench', 'B-' || g, md5(g::text) || md5(g::text || 'x'),
                        'Benchmark item ' || g, round(exp(ln(5) + random() * (ln(400000) - ln(5)))::numeric, 2), 'USD',
                        d.due, null, d.due,
                        jsonb_build_object('payer', (array['Aetna','UnitedHealthcare','Cigna','Humana','Medicare Part B','Anthem'])[1 + g % 6],
                            'carc', (array['16','50','197','29','18','22','4','97'])[1 + g % 8],
                            'holdName', (array['QTY REC','PRICE','AMT ORD','DIST VARIANCE'])[1 + g % 4],
                            'soleSource', g % 8 = 0),
                        'bench', 'bench', 'READY', 0, now() - random() * interval '120 days', now(), 0, now() - interval '1 day'
                    from generate_series(1, ITEMS) g
                    cross join lateral (select (array['CLAIM_DENIAL','UNDERPAYMENT','PRIOR_AUTHORIZATION','INVOICE_HOLD','PAYMENT_BLOCK',
                        'PAYMENT_EXCEPTION','SUPPLIER_ONBOARDING','EMPLOYEE_ONBOARDING','CREDENTIAL_EXPIRY'])[1 + g % 9] as type) t
                    cross join lateral (select case when g % 10 = 0 then null
                        else now() + (random() * 70 - 5) * interval '1 day' end as due) d""".replace("ITEMS", Integer.toString(items)));
            statement.execute("vacuum analyze work_item");
        }
    }

    private static void ageScores(Connection sql) throws SQLException {
        try (Statement statement = sql.createStatement()) {
            statement.execute("update work_item set scored_at = now() - interval '1 day' where tenant_id = '" + TENANT + "'");
            statement.execute("vacuum analyze work_item");
        }
    }

    /** A comparable score in one statement: the same factor curves where SQL can compute them, rules as CASEs. */
    private static long rawUpdate(Connection sql) throws SQLException {
        try (Statement statement = sql.createStatement()) {
            return statement.executeUpdate("""
                    update work_item w set priority_score = round(least(100, greatest(0,
                            case when s.deadline_at < now() then greatest(95, s.base)
                                 when s.deadline_at < now() + interval '2 days' then greatest(85, s.base)
                                 when s.amount < 25 then least(10, s.base) else s.base end))::numeric, 2),
                        scored_at = now()
                    from (select tenant_id, id, deadline_at, amount,
                              25 * least(1, ln(1 + amount) / ln(1 + 500000))
                            + 30 * case when deadline_at is null then 0 when deadline_at <= now() then 1
                                        else 2 / (2 + extract(epoch from deadline_at - now()) / 86400 * 5 / 7) end
                            + 8 * least(1, extract(epoch from now() - created_at) / 86400 / 30)
                            + 12 * 0.5
                            + 7 * case when (attributes->>'soleSource')::boolean then 1 else 0 end
                            + 6 * 0.5
                            + 12 * least(1, ln(1 + amount * 0.5 / 20) / ln(1001)) as base
                          from work_item where tenant_id = 'bench' and status not in ('COMPLETED', 'CANCELLED')) s
                    where w.tenant_id = s.tenant_id and w.id = s.id""");
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
