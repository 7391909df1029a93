package health.ordo.benchmarks;

import health.ordo.adapter.persistence.embedded.EmbeddedPostgresServer;
import health.ordo.application.port.in.insights.ForecastUseCase;
import health.ordo.application.port.in.insights.Insight;
import health.ordo.application.port.in.insights.InsightRequest;
import health.ordo.application.port.in.insights.InsightsQuery;
import health.ordo.application.port.in.insights.MaintainInsightsUseCase;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.insights.Dimension;
import health.ordo.domain.shared.TenantId;
import io.micronaut.context.ApplicationContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Insights at scale: N facts (default 10,000,000) over 13 months across 50 queues, 30 payers, 8 sites, 200 workers are
 * written straight into {@code work_fact}, rolled up by Ordo's own rollup round, then each insight is read through its
 * use case (no HTTP) and timed, next to the same question asked of the facts in raw SQL on the same database in the same
 * run. Then arrival forecasts, the breach simulation, staffing and allocation for 50 queues with open items and 120
 * workers, each with a few days off. Prints p50 and p95 per query.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar health.ordo.benchmarks.InsightsHarness [--facts N] [--repeats R]
 * [--open-items M] [--seeded true] [--postgres-settings a=b,c=d] [--only TEXT]} ({@code --seeded true}: read the database the last run
 * seeded, in {@code target/bench-pg}, without seeding it again; {@code --postgres-settings}: further settings of the
 * embedded server, e.g. {@code shared_buffers=2GB}; {@code --only}: only the reads whose name holds TEXT)
 */
public final class InsightsHarness {

    private static final String TENANT = "bench";

    private InsightsHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        long facts = Long.parseLong(options.getOrDefault("--facts", "10000000"));
        int repeats = Integer.parseInt(options.getOrDefault("--repeats", "20"));
        int openItems = Integer.parseInt(options.getOrDefault("--open-items", "20000"));
        Map<String, Object> properties = new HashMap<>();
        properties.put("ordo.demo.enabled", "false");
        properties.put("ordo.priority.maintenance.enabled", "false");
        properties.put("ordo.insights.maintenance.enabled", "false");
        properties.put("ordo.intake.warm-up", "false"); // the document classifier's start-up training would share the cores
        properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret", UUID.randomUUID() + "-" + UUID.randomUUID());
        properties.put("ordo.secrets.key", UUID.randomUUID() + "-" + UUID.randomUUID());
        properties.put("ordo.embedded-postgres.data-dir", Path.of("target", "bench-pg").toString());
        // --seeded true: the database of the last run (target/bench-pg) is used as it is, without seeding it again
        boolean seeded = Boolean.parseBoolean(options.getOrDefault("--seeded", "false"));
        properties.put("ordo.embedded-postgres.clean-on-start", Boolean.toString(!seeded));
        for (String setting : options.getOrDefault("--postgres-settings", "").split(",")) {
            if (setting.contains("=")) {
                properties.put("ordo.embedded-postgres.server-config." + setting.substring(0, setting.indexOf('=')),
                        setting.substring(setting.indexOf('=') + 1));
            }
        }
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            String url = context.getBean(EmbeddedPostgresServer.class).jdbcUrl();
            try (Connection sql = DriverManager.getConnection(url, "postgres", "")) {
                if (seeded) {
                    rollUp(context, sql);
                } else {
                    seed(context, sql, facts, openItems);
                }
                run(context, sql, repeats, options.get("--only"));
            }
        }
        System.exit(0);
    }

    private static void seed(ApplicationContext context, Connection sql, long facts, int openItems) throws SQLException {
        context.getBean(ProvisionTenantUseCase.class).provision(TenantId.of(TENANT), "Benchmark", List.of());
        long start = System.nanoTime();
        seedFacts(sql, facts, LocalDate.now(ZoneOffset.UTC));
        System.out.printf(Locale.ROOT, "seeded %,d facts in %.1f s%n", facts, seconds(start));
        rollUp(context, sql);
        seedOpenItems(sql, openItems);
    }

    /** Rolls up every marked day with Ordo's own round: the seeded facts, or the days a migration marked for a rebuild. */
    private static void rollUp(ApplicationContext context, Connection sql) throws SQLException {
        long start = System.nanoTime();
        MaintainInsightsUseCase maintenance = context.getBean(MaintainInsightsUseCase.class);
        int days = 0;
        for (int done = maintenance.rollUpChangedDays(); done > 0; done = maintenance.rollUpChangedDays()) {
            days += done;
        }
        System.out.printf(Locale.ROOT, "rolled up %d days in %.1f s (%s daily and %s monthly rollup rows, of which %s and %s pair rows)%n",
                days, seconds(start), scalar(sql, "select count(*) from work_daily"), scalar(sql, "select count(*) from work_monthly"),
                scalar(sql, "select count(*) from work_daily where filter_dimension <> ''"),
                scalar(sql, "select count(*) from work_monthly where filter_dimension <> ''"));
    }

    private static void run(ApplicationContext context, Connection sql, int repeats, String only) throws SQLException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        InsightsQuery insights = context.getBean(InsightsQuery.class);
        InsightsQuery.Viewer viewer = new InsightsQuery.Viewer(TenantId.of(TENANT), "ada@bench", true);
        Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
        queries.put("flow by queue, 30 days", () -> insights.insight(viewer, Insight.FLOW, request(today, 30, Dimension.QUEUE, Map.of(), InsightRequest.Period.NONE)));
        queries.put("flow by payer per day, 90 days", () -> insights.insight(viewer, Insight.FLOW, request(today, 90, Dimension.PAYER, Map.of(), InsightRequest.Period.DAY)));
        queries.put("SLA by site per month, 365 days", () -> insights.insight(viewer, Insight.SLA, request(today, 365, Dimension.SITE, Map.of(), InsightRequest.Period.MONTH)));
        queries.put("durations by queue, 90 days", () -> insights.insight(viewer, Insight.DURATIONS, request(today, 90, Dimension.QUEUE, Map.of(), InsightRequest.Period.NONE)));
        queries.put("durations by worker, 365 days", () -> insights.insight(viewer, Insight.DURATIONS, request(today, 365, Dimension.WORKER, Map.of(), InsightRequest.Period.NONE)));
        queries.put("quality by type, 90 days", () -> insights.insight(viewer, Insight.QUALITY, request(today, 90, Dimension.TYPE, Map.of(), InsightRequest.Period.NONE)));
        queries.put("backlog by queue, now", () -> insights.insight(viewer, Insight.BACKLOG, request(today, 1, Dimension.QUEUE, Map.of(), InsightRequest.Period.NONE)));
        queries.put("money by payer, 365 days", () -> insights.insight(viewer, Insight.MONEY, request(today, 365, Dimension.PAYER, Map.of(), InsightRequest.Period.NONE)));
        queries.put("SLA of one payer by queue, 30 days (pair rows)", () -> insights.insight(viewer, Insight.SLA,
                request(today, 30, Dimension.QUEUE, Map.of(Dimension.PAYER, "payer-7"), InsightRequest.Period.NONE)));
        queries.put("durations of one team by worker, 90 days (pair rows)", () -> insights.insight(viewer, Insight.DURATIONS,
                request(today, 90, Dimension.WORKER, Map.of(Dimension.TEAM, "team-5"), InsightRequest.Period.NONE)));
        queries.put("flow of one queue by payer per day, 90 days (pair rows)", () -> insights.insight(viewer, Insight.FLOW,
                request(today, 90, Dimension.PAYER, Map.of(Dimension.QUEUE, "queue-12"), InsightRequest.Period.DAY)));
        queries.put("SLA of one site per month, 365 days (pair rows)", () -> insights.insight(viewer, Insight.SLA,
                request(today, 365, null, Map.of(Dimension.SITE, "site-3"), InsightRequest.Period.MONTH)));
        queries.put("SLA of one payer and one queue by type, 30 days (two filters: facts)", () -> insights.insight(viewer, Insight.SLA,
                request(today, 30, Dimension.TYPE, Map.of(Dimension.PAYER, "payer-7", Dimension.QUEUE, "queue-7"), InsightRequest.Period.NONE)));
        queries.put("flow of one team and one payer by queue, 30 days (a supervisor's payer: facts)", () -> insights.insight(viewer, Insight.FLOW,
                request(today, 30, Dimension.QUEUE, Map.of(Dimension.TEAM, "team-5", Dimension.PAYER, "payer-17"), InsightRequest.Period.NONE)));
        queries.put("durations of one worker by type, 90 days (a worker filter: facts)", () -> insights.insight(viewer, Insight.DURATIONS,
                request(today, 90, Dimension.TYPE, Map.of(Dimension.WORKER, "worker-17"), InsightRequest.Period.NONE)));
        queries.put("quality of one type by queue, 30 days (pair rows)", () -> insights.insight(viewer, Insight.QUALITY,
                request(today, 30, Dimension.QUEUE, Map.of(Dimension.TYPE, "TYPE_2"), InsightRequest.Period.NONE)));
        // two filters grouped by a third, no fact index narrowing them: the range's facts are read whole
        queries.put("flow of one team and one type by queue, 30 days (a supervisor's type: facts, no index)", () -> insights.insight(viewer, Insight.FLOW,
                request(today, 30, Dimension.QUEUE, Map.of(Dimension.TEAM, "team-5", Dimension.TYPE, "TYPE_2"), InsightRequest.Period.NONE)));
        queries.put("SLA of one team and one site by queue, 30 days (a supervisor's site: facts, no index)", () -> insights.insight(viewer, Insight.SLA,
                request(today, 30, Dimension.QUEUE, Map.of(Dimension.TEAM, "team-5", Dimension.SITE, "site-3"), InsightRequest.Period.NONE)));
        // one supplier or specialty: pair rows since V44 (before, the range's facts read whole: 1.0 and 6.1 s p50)
        queries.put("money of one supplier by queue, 30 days (pair rows)", () -> insights.insight(viewer, Insight.MONEY,
                request(today, 30, Dimension.QUEUE, Map.of(Dimension.SUPPLIER, "supplier-4"), InsightRequest.Period.NONE)));
        queries.put("durations of one specialty by type, 90 days (pair rows)", () -> insights.insight(viewer, Insight.DURATIONS,
                request(today, 90, Dimension.TYPE, Map.of(Dimension.SPECIALTY, "specialty-3"), InsightRequest.Period.NONE)));
        // two filters, not grouped or grouped by one of them: the pair rows of one, the other's value
        queries.put("SLA of one team and one payer per day, 90 days (a supervisor's payer over time: pair rows)", () -> insights.insight(viewer,
                Insight.SLA, request(today, 90, null, Map.of(Dimension.TEAM, "team-5", Dimension.PAYER, "payer-17"), InsightRequest.Period.DAY)));
        // one worker without a grouping: the worker's own rows, found among every worker's rows of each day and month
        queries.put("flow of one worker per month, 365 days (the worker's own rows)", () -> insights.insight(viewer, Insight.FLOW,
                request(today, 365, null, Map.of(Dimension.WORKER, "worker-17"), InsightRequest.Period.MONTH)));
        queries.put("SLA of one worker and one payer, 90 days (the payer's pair rows, the worker's value)", () -> insights.insight(viewer,
                Insight.SLA, request(today, 90, null, Map.of(Dimension.WORKER, "worker-17", Dimension.PAYER, "payer-17"), InsightRequest.Period.NONE)));
        queries.put("flow of one team and one supplier by supplier, 365 days (pair rows)", () -> insights.insight(viewer, Insight.FLOW,
                request(today, 365, Dimension.SUPPLIER, Map.of(Dimension.TEAM, "team-5", Dimension.SUPPLIER, "supplier-5"),
                        InsightRequest.Period.NONE)));
        if (Boolean.getBoolean("ordo.bench.explain")) {
            // -Dordo.bench.explain=true: the plan of the filtered read's facts (as JdbcInsightReads.facts asks for them)
            String from = "(current_date - 29)::timestamptz";
            String to = "(current_date + 1)::timestamptz";
            rawPlan(sql, "explain (analyze, buffers) select * from work_fact where tenant_id = 'bench' and received_at >= " + from
                    + " and received_at < " + to + " and payer = 'payer-7' union all select * from work_fact where tenant_id = 'bench'"
                    + " and closed_at >= " + from + " and closed_at < " + to + " and received_at < " + from + " and payer = 'payer-7'");
        }
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("raw SQL: flow by queue, 30 days", """
                select queue, count(*) filter (where received_at >= current_date - 29), count(*) filter (where closed_at >= current_date - 29)
                from work_fact where tenant_id = 'bench' and (received_at >= current_date - 29 or closed_at >= current_date - 29) group by queue""");
        raw.put("raw SQL: durations by queue, 90 days", """
                select queue, percentile_cont(array[0.5, 0.9, 0.95]) within group (order by extract(epoch from closed_at - received_at))
                from work_fact where tenant_id = 'bench' and closed_at >= current_date - 89 and not cancelled group by queue""");
        raw.put("raw SQL: SLA of one payer by queue, 30 days", """
                select queue, count(*) filter (where deadline_at is not null), count(*) filter (where closed_at <= deadline_at)
                from work_fact where tenant_id = 'bench' and payer = 'payer-7' and closed_at >= current_date - 29 and not cancelled group by queue""");
        raw.put("raw SQL: SLA of one payer and one queue by type, 30 days", """
                select type, count(*) filter (where deadline_at is not null), count(*) filter (where closed_at <= deadline_at)
                from work_fact where tenant_id = 'bench' and payer = 'payer-7' and queue = 'queue-7' and closed_at >= current_date - 29
                    and not cancelled group by type""");
        raw.put("raw SQL: SLA by site per month, 365 days", """
                select date_trunc('month', closed_at), site, count(*) filter (where deadline_at is not null),
                       count(*) filter (where closed_at <= deadline_at)
                from work_fact where tenant_id = 'bench' and closed_at >= current_date - 364 and not cancelled group by 1, 2""");
        System.out.println();
        System.out.println("| query | p50 ms | p95 ms |");
        System.out.println("|---|---|---|");
        if (only != null) {
            // --only TEXT: the insight reads whose name holds TEXT, nothing else (to profile one read)
            queries.keySet().removeIf(name -> !name.contains(only));
            queries.forEach((name, query) -> print(name, time(query, repeats)));
            return;
        }
        queries.forEach((name, query) -> print(name, time(query, repeats)));
        raw.forEach((name, statement) -> print(name, time(() -> rawQuery(sql, statement), Math.max(3, repeats / 4))));

        ForecastUseCase forecasts = context.getBean(ForecastUseCase.class);
        System.out.println();
        print("arrival forecast, 50 queues, 28 days", time(() -> forecasts.arrivals(TenantId.of(TENANT), Dimension.QUEUE, 28), 5));
        String openItems = scalar(sql, "select count(*) from work_item where tenant_id = '" + TENANT + "' and status = 'READY'");
        print("breach forecast (simulation), 50 queues, " + openItems + " open items", time(() ->
                forecasts.breaches(TenantId.of(TENANT), today.plusDays(7), null), 5));
        print("staffing, 50 queues", time(() -> forecasts.staffing(TenantId.of(TENANT), today.plusDays(7), 0.95, null), 3));
        print("allocation, 50 queues, 5 moves", time(() -> forecasts.allocation(TenantId.of(TENANT), today.plusDays(7), 5), 3));
    }

    private static InsightRequest request(LocalDate today, int days, Dimension groupBy, Map<Dimension, String> where, InsightRequest.Period period) {
        return new InsightRequest(today.minusDays(days - 1L), today, groupBy, where, period);
    }

    private static void seedFacts(Connection sql, long facts, LocalDate today) throws SQLException {
        try (Statement statement = sql.createStatement()) {
            statement.execute("select set_config('ordo.tenant_id', '*', false)");
            for (LocalDate month = today.minusDays(400).withDayOfMonth(1); !month.isAfter(today); month = month.plusMonths(1)) {
                statement.execute("select ordo_work_fact_partition('" + month + "')");
            }
            long chunk = 1_000_000;
            for (long from = 1; from <= facts; from += chunk) {
                long to = Math.min(facts, from + chunk - 1);
                statement.execute("""
                        insert into work_fact (tenant_id, fact_id, origin, source_system, external_id, queue, type, team, site, worker,
                            payer, supplier, specialty, amount, currency, received_at, first_claimed_at, started_at, closed_at,
                            cancelled, written_off, deadline_at, held_seconds, reopened, exception, overridden, claims, claims_as_proposed)
                        select 'bench', gen_random_uuid(), 'IMPORTED', 'legacy', 'F-' || g, 'queue-' || (g % 50), 'TYPE_' || (g % 6),
                            'team-' || (g % 12), 'site-' || (g % 8), 'worker-' || (g % 200), 'payer-' || (g % 30),
                            'supplier-' || (g % 20), 'specialty-' || (g % 10), round((random() * 5000)::numeric, 2), 'USD',
                            r.received, r.received + w.wait, r.received + w.wait + interval '5 minutes',
                            case when g % 33 = 0 and r.received > now() - interval '30 days' then null
                                 else r.received + w.wait + interval '5 minutes' + w.touch end,
                            g % 50 = 0, g % 9 = 0, r.received + interval '3 days', 0, (g % 40 = 0)::int, g % 11 = 0, g % 25 = 0, 1,
                            (g % 4 <> 0)::int
                        from generate_series(FROM, TO) g
                        cross join lateral (select now() - interval '1 hour' - (random() * 395 + g * 0) * interval '1 day' as received) r
                        cross join lateral (select (random() + g * 0) * interval '30 hours' as wait, (random() + g * 0) * interval '90 minutes' as touch) w
                        """.replace("FROM", Long.toString(from)).replace("TO", Long.toString(to)));
                System.out.printf(Locale.ROOT, "  %,d facts written%n", to);
            }
            statement.execute("delete from work_fact where closed_at > now()");
            statement.execute("insert into insight_dirty_day (tenant_id, day) select 'bench', d::date from generate_series("
                    + "current_date - 400, current_date, interval '1 day') d on conflict do nothing");
            statement.execute("vacuum analyze work_fact");
        }
    }

    private static void seedOpenItems(Connection sql, int items) throws SQLException {
        try (Statement statement = sql.createStatement()) {
            statement.execute("select set_config('ordo.tenant_id', '*', false)");
            statement.execute("""
                    insert into work_item (tenant_id, id, type, source_system, external_id, content_fingerprint, title, amount,
                        currency, due_at, hard_deadline_at, deadline_at, attributes, requested_queue, queue, status, priority_score,
                        created_at, updated_at, version, scored_at)
                    select 'bench', gen_random_uuid(), 'CLAIM_DENIAL', 'bench', 'O-' || g, md5(g::text) || md5(g::text || 'x'),
                        'Open item ' || g, round((random() * 5000)::numeric, 2), 'USD', d.due, null, d.due, '{}'::jsonb,
                        'queue-' || (g % 50), 'queue-' || (g % 50), 'READY', round((random() * 100)::numeric, 2),
                        now() - random() * interval '20 days', now(), 0, now()
                    from generate_series(1, ITEMS) g
                    cross join lateral (select now() + (random() * 20 - 2 + g * 0) * interval '1 day' as due) d""".replace("ITEMS", Integer.toString(items)));
            statement.execute("""
                    insert into worker (tenant_id, login, team, site, queues, skills, capacity, available)
                    select 'bench', 'worker-' || g || '@bench', 'team-' || (g % 12), 'site-' || (g % 8),
                        array['queue-' || (g % 50), 'queue-' || ((g + 1) % 50)], '{}'::jsonb, 10, true
                    from generate_series(1, 120) g""");
            // each worker away a few days in the coming two weeks: 42 schedules of their own for the simulation to count
            statement.execute("""
                    insert into worker_schedule (tenant_id, login, calendar, time_off)
                    select 'bench', 'worker-' || g || '@bench', null, jsonb_build_array(jsonb_build_object(
                        'from', (current_date + g % 14)::text, 'to', (current_date + g % 14 + g % 3)::text, 'reason', 'leave'))
                    from generate_series(1, 120) g""");
            statement.execute("vacuum analyze work_item");
        }
    }

    private static void rawPlan(Connection sql, String explain) throws SQLException {
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(explain)) {
            while (rs.next()) {
                System.out.println(rs.getString(1));
            }
        }
    }

    private static Object rawQuery(Connection sql, String statement) {
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(statement)) {
            int rows = 0;
            while (rs.next()) {
                rows++;
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[] time(Supplier<Object> query, int repeats) {
        for (int i = 0; i < 2; i++) {
            query.get();
        }
        double[] millis = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            query.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void print(String name, double[] sorted) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f |%n", name, percentile(sorted, 0.5), percentile(sorted, 0.95));
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String scalar(Connection sql, String query) throws SQLException {
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
