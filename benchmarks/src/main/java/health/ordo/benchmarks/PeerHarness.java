package health.ordo.benchmarks;

import health.ordo.adapter.persistence.embedded.EmbeddedPostgresServer;
import io.micronaut.context.ApplicationContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ordo side by side with Taskana 8.2.0 (the closest open-source Java relative: human task management on PostgreSQL)
 * on one embedded PostgreSQL server, in one JVM and one run, both engines called as libraries (no HTTP):
 * <ol>
 *   <li>next work under contention: N open items/tasks in 10 queues/workbaskets with the same priorities (row g of
 *   each seed has the same priority, queue, amount and due date), 32 worker threads each looping "take the highest
 *   priority open item of my queue, then complete it", a warm-up then a measured window, engines alternating over
 *   several rounds, the backlog reset to READY after each run;</li>
 *   <li>ingest: M items/tasks created from 8 threads through each engine's public create call;</li>
 *   <li>re-prioritisation of every open item: Ordo's re-scoring job after a policy activation against Taskana's
 *   {@code TaskUpdatePriorityJob} after a change of its priority SPI.</li>
 * </ol>
 * Growth is the same run at another {@code --items}. Taskana is measured on its shipped schema and then, with
 * {@code --taskana-index both} (the default), again after one index matching its next-task query is added.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar health.ordo.benchmarks.PeerHarness [--items 100000] [--seconds 30]
 * [--warmup-seconds 30] [--rounds 3] [--workers 32] [--ingest 20000] [--pool-size 40] [--taskana-index shipped|added|both]
 * [--phases next,ingest,reprioritise] [--statement-stats N --postgres-settings shared_preload_libraries=pg_stat_statements]}
 */
public final class PeerHarness {

    /** Row g's priority points (0–10,000), amount in cents and due date: the same for both seeds. */
    static final String SEED_COLUMNS = "abs(hashtext('p' || g)) % 10001 as points, (abs(hashtext('a' || g)) % 100000000)::bigint as cents, "
            + "(now() + (abs(hashtext('d' || g)) % 43200) * interval '1 minute')::timestamp as due";
    private static final int QUEUES = 10;

    /** One engine as the harness drives it. */
    interface Engine extends AutoCloseable {
        String name();

        void seed(Connection sql, int items, int queues) throws SQLException;

        /** Claims the highest-priority open item of the worker's queue; null when there is none. */
        String claimNext(int worker, String queue) throws Exception;

        void complete(int worker, String id) throws Exception;

        void resetBacklog(Connection sql) throws SQLException;

        long doubleAssignmentsInStore(Connection sql, Instant since) throws SQLException;

        void create(int worker, int n, long cents, Instant due) throws Exception;

        /** Re-prioritises every open item; answers how many the engine re-scored. */
        long reprioritise(Connection sql) throws Exception;

        long openItems(Connection sql) throws SQLException;

        /** The table holding the engine's items, schema-qualified. */
        String table();

        /** Waits until the engine's background work for what was just measured is done, so the next run does not pay for it. */
        default void quiesce(Connection sql) throws Exception {
        }

        @Override
        void close();
    }

    private PeerHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Settings settings = new Settings(Integer.parseInt(options.getOrDefault("--items", "100000")),
                Integer.parseInt(options.getOrDefault("--seconds", "30")),
                Integer.parseInt(options.getOrDefault("--warmup-seconds", "30")),
                Integer.parseInt(options.getOrDefault("--rounds", "3")),
                Integer.parseInt(options.getOrDefault("--workers", "32")),
                Integer.parseInt(options.getOrDefault("--statement-stats", "0")));
        int pool = Integer.parseInt(options.getOrDefault("--pool-size", "40"));
        Set<String> phases = Set.of(options.getOrDefault("--phases", "next,ingest,reprioritise").split(","));
        String taskanaIndex = options.getOrDefault("--taskana-index", "both");
        Path dataDir = Path.of("target", "bench-peer-pg");
        Map<String, Object> properties = new HashMap<>();
        properties.put("ordo.demo.enabled", "false");
        // background rounds run as in production (audit chaining, SLA, reservations, write-backs, outbox relay), except
        // re-scoring the seeded backlog on start, which is measured on its own below
        properties.put("ordo.priority.rescore-initial-delay", "24h");
        // the analytics refresh would fold Ordo's completed items into insight facts during Taskana's windows
        properties.put("ordo.insights.maintenance.enabled", "false");
        properties.put("datasources.default.maximum-pool-size", Integer.toString(pool));
        properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret", UUID.randomUUID() + "-" + UUID.randomUUID());
        properties.put("ordo.secrets.key", UUID.randomUUID() + "-" + UUID.randomUUID());
        properties.put("ordo.embedded-postgres.data-dir", dataDir.toString());
        properties.put("ordo.embedded-postgres.clean-on-start", "true");
        for (String setting : options.getOrDefault("--postgres-settings", "").split(",")) {
            if (setting.contains("=")) {
                properties.put("ordo.embedded-postgres.server-config." + setting.substring(0, setting.indexOf('=')),
                        setting.substring(setting.indexOf('=') + 1));
            }
        }
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            String url = context.getBean(EmbeddedPostgresServer.class).jdbcUrl();
            try (Connection sql = DriverManager.getConnection(url, "postgres", "");
                 OrdoSide ordo = new OrdoSide(context, settings.workers(), QUEUES);
                 TaskanaSide taskana = new TaskanaSide(url, "postgres", "", pool, settings.workers(), QUEUES)) {
                for (Engine engine : List.of(ordo, taskana)) {
                    long start = System.nanoTime();
                    engine.seed(sql, settings.items(), QUEUES);
                    System.out.printf(Locale.ROOT, "%s: seeded %,d open items in %d queues in %.1f s%n", engine.name(),
                            settings.items(), QUEUES, (System.nanoTime() - start) / 1e9);
                }
                CpuMeter meter = new CpuMeter(dataDir);
                Map<String, Double> result = new LinkedHashMap<>();
                if (phases.contains("next")) {
                    nextWorkRounds(sql, settings, meter, ordo, taskana, taskanaIndex, result);
                }
                if (phases.contains("ingest")) {
                    int count = Integer.parseInt(options.getOrDefault("--ingest", "20000"));
                    int threads = Integer.parseInt(options.getOrDefault("--ingest-threads", "8"));
                    result.put("ingest_ordo_per_s", ingest(ordo, sql, count, threads, 0, meter, settings.statementStats()));
                    ordo.quiesce(sql);
                    result.put("ingest_taskana_per_s", ingest(taskana, sql, count, threads, 0, meter, settings.statementStats()));
                }
                if (phases.contains("reprioritise")) {
                    result.put("reprioritise_ordo_s", reprioritise(ordo, "Ordo", sql, meter, settings.statementStats()));
                    ordo.quiesce(sql);
                    result.put("reprioritise_taskana_s", reprioritise(taskana, "Taskana", sql, meter, settings.statementStats()));
                    if (!"shipped".equals(taskanaIndex)) {
                        taskanaIndex(sql, true);
                        result.put("reprioritise_taskana_index_s", reprioritise(taskana, "Taskana + index", sql, meter,
                                settings.statementStats()));
                    }
                }
                StringBuilder line = new StringBuilder("RESULT items=" + settings.items() + " workers=" + settings.workers());
                result.forEach((key, value) -> line.append(' ').append(key).append('=').append(String.format(Locale.ROOT, "%.2f", value)));
                System.out.println(line);
            }
        }
        System.exit(0);
    }

    private record Settings(int items, int seconds, int warmUpSeconds, int rounds, int workers, int statementStats) {
    }

    /** One engine in one setting: Taskana with its shipped schema, or with the added index. */
    private record Variant(String label, Engine engine, Boolean taskanaIndex) {
    }

    /**
     * Rounds of next-work runs, the variants rotating (round 1 starts with the first, round 2 with the second, …) so
     * that a noisy minute on the shared machine does not fall on one engine only. With {@code --taskana-index both},
     * Taskana runs once on its shipped schema and once with an index matching its next-task query each round (the
     * index is created before and dropped after the run that uses it).
     */
    private static void nextWorkRounds(Connection sql, Settings settings, CpuMeter meter, Engine ordo, Engine taskana,
                                       String taskanaIndex, Map<String, Double> result) throws Exception {
        List<Variant> variants = new ArrayList<>(List.of(new Variant("Ordo", ordo, null)));
        if (!"added".equals(taskanaIndex)) {
            variants.add(new Variant("Taskana", taskana, false));
        }
        if (!"shipped".equals(taskanaIndex)) {
            variants.add(new Variant("Taskana + index", taskana, true));
        }
        Map<String, List<NextWorkRun>> runs = new LinkedHashMap<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            for (int i = 0; i < variants.size(); i++) {
                Variant variant = variants.get((i + round - 1) % variants.size());
                if (variant.taskanaIndex() != null) {
                    taskanaIndex(sql, variant.taskanaIndex());
                }
                NextWorkRun run = NextWorkRun.run(variant.engine(), sql, settings.workers(), QUEUES, settings.warmUpSeconds(), settings.seconds(),
                        settings.statementStats(), meter);
                System.out.printf(Locale.ROOT, "round %d %-15s %s%n", round, variant.label(), run);
                runs.computeIfAbsent(variant.label(), k -> new ArrayList<>()).add(run);
            }
        }
        taskanaIndex(sql, false);
        System.out.println("next work, median of " + settings.rounds() + " runs:");
        System.out.printf(Locale.ROOT, "%-16s %10s %8s %8s %8s %10s %10s %8s %8s %7s%n", "engine", "claims/s", "p50 ms", "p95 ms",
                "p99 ms", "JVM ms/cl", "PG ms/cl", "stmts/cl", "failed", "doubles");
        double ordoRate = 0;
        for (Map.Entry<String, List<NextWorkRun>> entry : runs.entrySet()) {
            List<NextWorkRun> list = entry.getValue();
            double rate = median(list, NextWorkRun::perSecond);
            if (entry.getKey().equals("Ordo")) {
                ordoRate = rate;
            }
            System.out.printf(Locale.ROOT, "%-16s %10.0f %8.2f %8.2f %8.2f %10.2f %10.2f %8.1f %8d %7d%n", entry.getKey(), rate,
                    median(list, r -> r.p(50)), median(list, r -> r.p(95)), median(list, r -> r.p(99)),
                    median(list, NextWorkRun::jvmMsPerClaim), median(list, NextWorkRun::postgresMsPerClaim), median(list, NextWorkRun::statementsPerClaim),
                    list.stream().mapToLong(NextWorkRun::failed).sum(), list.stream().mapToLong(NextWorkRun::doubles).sum());
            String key = entry.getKey().toLowerCase(Locale.ROOT).replace(" + ", "_");
            result.put("next_" + key + "_claims_per_s", rate);
            result.put("next_" + key + "_p99_ms", median(list, r -> r.p(99)));
            result.put("next_" + key + "_doubles", (double) list.stream().mapToLong(NextWorkRun::doubles).sum());
        }
        for (Map.Entry<String, List<NextWorkRun>> entry : runs.entrySet()) {
            if (!entry.getKey().equals("Ordo")) {
                System.out.printf(Locale.ROOT, "ratio Ordo / %s: %.2f%n", entry.getKey(), ordoRate / median(entry.getValue(), NextWorkRun::perSecond));
            }
        }
    }

    /** The index Taskana's next-task query needs (its workbasket and state, in priority order), present or not. */
    private static void taskanaIndex(Connection sql, boolean present) throws SQLException {
        try (Statement statement = sql.createStatement()) {
            statement.execute(present
                    ? "create index if not exists bench_task_next on taskana.task (workbasket_key, domain, state, priority desc)"
                    : "drop index if exists taskana.bench_task_next");
            statement.execute("analyze taskana.task");
        }
    }

    /** {@code count} items created from {@code threads} threads through the engine's public create call; answers items/s. */
    private static double ingest(Engine engine, Connection sql, int count, int threads, long seed, CpuMeter meter, int statementStats)
            throws Exception {
        if (statementStats > 0) {
            PostgresCounters.resetStatementStats(sql);
        }
        AtomicLong nextNumber = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> futures = new ArrayList<>();
        CpuMeter.Reading cpuBefore = meter.read();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            futures.add(pool.submit(() -> {
                Random random = new Random(seed + worker);
                long[] latencies = new long[count];
                int n = 0;
                for (long i = nextNumber.getAndIncrement(); i < count; i = nextNumber.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    engine.create(worker, (int) i, 500 + random.nextInt(100_000_000), Instant.now().plus(Duration.ofMinutes(random.nextInt(43_200))));
                    latencies[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> future : futures) {
            all.add(future.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Thread.sleep(300);
        CpuMeter.Reading cpuAfter = meter.read();
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf(Locale.ROOT, "ingest %-8s %,d items from %d threads in %.1f s = %.0f/s, p50 %.2f ms, p99 %.2f ms; %s%n",
                engine.name(), latencies.length, threads, seconds, latencies.length / seconds,
                Latencies.percentileMillis(latencies, 50), Latencies.percentileMillis(latencies, 99),
                cpuBefore.perClaim(cpuAfter, latencies.length).replace("claimed item", "created item"));
        if (statementStats > 0) {
            System.out.printf(Locale.ROOT, "%s's statements per created item: %.1f%n", engine.name(),
                    PostgresCounters.statementCalls(sql) / (double) latencies.length);
            PostgresCounters.printStatementStats(sql, statementStats, latencies.length);
        }
        return latencies.length / seconds;
    }

    /**
     * Re-prioritises every open item; answers the seconds it took and checks every open item was re-scored. Prints
     * the table's updates that were HOT (no index entry written) and, with {@code --statement-stats}, the statements.
     */
    private static double reprioritise(Engine engine, String label, Connection sql, CpuMeter meter, int statementStats) throws Exception {
        long open = engine.openItems(sql);
        long[] updatesBefore = updates(sql, engine.table());
        if (statementStats > 0) {
            PostgresCounters.resetStatementStats(sql);
        }
        CpuMeter.Reading cpuBefore = meter.read();
        long start = System.nanoTime();
        long scored = engine.reprioritise(sql);
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuMeter.Reading cpuAfter = meter.read();
        Thread.sleep(1500); // table statistics reach the cumulative counters within a second
        long[] updatesAfter = updates(sql, engine.table());
        System.out.printf(Locale.ROOT, "re-prioritise %-16s %,d of %,d open items re-scored in %.1f s = %.0f/s; %s; %,d row updates, %.0f %% HOT, "
                        + "%d indexes on %s%n", label, scored, open, seconds, scored / seconds,
                cpuBefore.perClaim(cpuAfter, scored).replace("claimed item", "item"), updatesAfter[0] - updatesBefore[0],
                100.0 * (updatesAfter[1] - updatesBefore[1]) / Math.max(1, updatesAfter[0] - updatesBefore[0]), updatesAfter[2], engine.table());
        if (statementStats > 0) {
            PostgresCounters.printStatementStats(sql, statementStats, scored);
        }
        if (scored < open) {
            throw new IllegalStateException(engine.name() + " re-scored " + scored + " of " + open + " open items");
        }
        return seconds;
    }

    /** Rows updated, of them HOT, and the number of indexes of a table. */
    private static long[] updates(Connection sql, String table) throws SQLException {
        String[] parts = table.split("\\.");
        try (Statement statement = sql.createStatement(); ResultSet rs = statement.executeQuery(
                "select n_tup_upd, n_tup_hot_upd, (select count(*) from pg_indexes where schemaname = '" + parts[0]
                        + "' and tablename = '" + parts[1] + "') from pg_stat_user_tables where schemaname = '" + parts[0]
                        + "' and relname = '" + parts[1] + "'")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    private interface Measure {
        double of(NextWorkRun run);
    }

    private static double median(List<NextWorkRun> runs, Measure measure) {
        double[] values = runs.stream().mapToDouble(measure::of).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
