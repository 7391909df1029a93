package health.ordo.benchmarks;

import health.ordo.application.port.in.routing.ManageWorkforceUseCase;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.routing.Queue;
import health.ordo.domain.routing.Worker;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.context.ApplicationContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The backlog the get-next-work harnesses claim from: {@link #TENANTS} tenants of two queues each (weights 3 and 1),
 * their workers, and READY items scored as ingestion leaves them, written with {@code generate_series}.
 */
final class Backlog {

    static final int TENANTS = 5;
    private static final int QUEUES_PER_TENANT = 2;

    private Backlog() {
    }

    /** The workers {@link #setUp} creates: login and tenant of each. */
    static List<String[]> logins(int workers) {
        List<String[]> logins = new ArrayList<>();
        for (int t = 0; t < TENANTS; t++) {
            for (int w = t; w < workers; w += TENANTS) {
                logins.add(new String[]{"w" + w + "@b" + t, "b" + t});
            }
        }
        return logins;
    }

    /**
     * Tenants b0..b4, queues q0..q9 (two per tenant, weights 3 and 1), workers spread over the tenants. Items are seeded
     * as ingestion leaves them: scored, with their score basis (policy, likelihood), so a claim re-scores from the basis
     * instead of asking the likelihood model again, as it does for ingested items.
     */
    static List<String[]> setUp(ApplicationContext context, Connection sql, int items, int workers) throws SQLException {
        ProvisionTenantUseCase provision = context.getBean(ProvisionTenantUseCase.class);
        ManageWorkforceUseCase workforce = context.getBean(ManageWorkforceUseCase.class);
        List<String[]> logins = new ArrayList<>();
        for (int t = 0; t < TENANTS; t++) {
            TenantId tenant = TenantId.of("b" + t);
            List<ProvisionTenantUseCase.NewUser> users = new ArrayList<>();
            for (int w = t; w < workers; w += TENANTS) {
                users.add(new ProvisionTenantUseCase.NewUser(Login.parse("w" + w + "@b" + t), "w" + w, "benchmark-password", Set.of(Role.WORKER)));
                logins.add(new String[]{"w" + w + "@b" + t, "b" + t});
            }
            provision.provision(tenant, "Benchmark " + t, users);
            List<String> queues = new ArrayList<>();
            for (int q = 0; q < QUEUES_PER_TENANT; q++) {
                String queue = "q" + (t * QUEUES_PER_TENANT + q);
                queues.add(queue);
                workforce.saveQueue(new Queue(tenant, queue, null, null, null, q == 0 ? 3 : 1, null));
            }
            for (ProvisionTenantUseCase.NewUser user : users) {
                workforce.saveWorker(new Worker(tenant, user.login().toString(), null, null, queues, Map.of(), 1000, true));
            }
        }
        long start = System.nanoTime();
        try (Statement statement = sql.createStatement()) {
            List<String> deferred = dropSecondaryIndexes(statement);
            statement.execute("""
                    insert into work_item (tenant_id, id, type, source_system, external_id, content_fingerprint, title, amount,
                        currency, due_at, deadline_at, attributes, requested_queue, queue, status, priority_score, created_at,
                        updated_at, version, scored_at, score_computed, score_policy_id, score_policy_version, score_likelihood,
                        score_likelihood_basis)
                    select 'b' || (g % 5), gen_random_uuid(), 'INVOICE_HOLD', 'bench', 'G-' || g, md5(g::text) || md5(g::text || 'x'),
                        'Load item ' || g, round((random() * 10000)::numeric, 2), 'USD', d.due, d.due, '{}'::jsonb,
                        'q' || ((g % 5) * 2 + (g / 5) % 2), 'q' || ((g % 5) * 2 + (g / 5) % 2), 'READY',
                        s.score, now(), now(), 0, now(), s.score, 'builtin', 0, 0.5, 'prior: benchmark seed'
                    from generate_series(1, ITEMS) g
                    cross join lateral (select round((random() * 100 + g * 0)::numeric, 2) as score) s
                    cross join lateral (select now() + random() * interval '30 days' as due) d""".replace("ITEMS", Integer.toString(items)));
            statement.execute("set maintenance_work_mem = '1GB'");
            for (String index : deferred) {
                statement.execute(index);
            }
            statement.execute("reset maintenance_work_mem");
            statement.execute("vacuum analyze work_item");
        }
        System.out.printf(Locale.ROOT, "seeded %,d READY items in %d tenants and %d queues in %.1f s%n", items, TENANTS,
                TENANTS * QUEUES_PER_TENANT, (System.nanoTime() - start) / 1e9);
        return logins;
    }

    /**
     * Drops {@code work_item}'s indexes that back no constraint and returns their definitions, to be built after the
     * seeding {@code INSERT}: ten million rows written through fourteen indexes fill at about 0.3 GB a minute, built
     * afterwards in one sort each. Every backlog size is seeded this way, so the sizes compare.
     */
    static List<String> dropSecondaryIndexes(Statement statement) throws SQLException {
        List<String> definitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (var rows = statement.executeQuery("""
                select i.indexname, i.indexdef from pg_indexes i
                where i.schemaname = current_schema() and i.tablename = 'work_item'
                  and not exists (select 1 from pg_constraint c where c.conname = i.indexname)""")) {
            while (rows.next()) {
                names.add(rows.getString(1));
                definitions.add(rows.getString(2));
            }
        }
        for (String name : names) {
            statement.execute("drop index " + name);
        }
        return definitions;
    }
}
