package health.ordo.benchmarks;

import health.ordo.adapter.persistence.embedded.EmbeddedPostgresServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load harness for get-next-work: seeds READY items across 5 tenants and 10 queues, starts Ordo's HTTP server, and has
 * 32 virtual workers call {@code POST /api/v1/work/next} with {@code {"start": true}} (claim and start in one step), then
 * complete each item for a fixed time; then, on the same database in the same run, 32 JDBC threads run the raw claim
 * SQL ({@code UPDATE … WHERE (tenant_id, id) = (SELECT … FOR UPDATE SKIP LOCKED)}) and complete. Prints claims per second, p50/p95/p99 of the claim call, double
 * assignments (must be 0) and the ratio.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar health.ordo.benchmarks.GetNextWorkHarness [--items N] [--seconds S]
 * [--workers W] [--warmup-seconds 120] [--bare-seconds B] [--pool-size 20] [--url jdbc:postgresql://… --user U --password P]}; the REST loop
 * first runs for the warm-up time, uncounted and on the same connections without a break before the measured window (the raw loop needs none: it runs second, on a warm JVM);
 * {@code --bare-seconds} also measures the HTTP stack alone (an authenticated request answered before the database) with
 * the same clients. The clients are {@link KeepAliveHttp} connections, one per virtual worker. The insights round takes
 * the seeded backlog in as facts before the load and runs during it, as in production; {@code --insights false} turns
 * it off (the HTTP stack and the claim path alone); {@code --token-cache-millis 0} turns off the cache of validated tokens.
 */
public final class GetNextWorkHarness {

    private static final int TENANTS = Backlog.TENANTS;
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private GetNextWorkHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = HarnessServer.options(args);
        int items = Integer.parseInt(options.getOrDefault("--items", "1000000"));
        int seconds = Integer.parseInt(options.getOrDefault("--seconds", "30"));
        int workers = Integer.parseInt(options.getOrDefault("--workers", "32"));
        Map<String, Object> properties = HarnessServer.properties(options, "bench-gnw-pg");
        // the background rounds run as in production (audit chaining, SLA escalations, reservations, write-backs, overrides),
        // except re-scoring the whole seeded backlog, whose cost RescoreHarness measures on its own
        properties.put("ordo.priority.rescore-initial-delay", "24h");
        boolean insightsRound = !"false".equals(options.get("--insights"));
        if (!insightsRound) {
            properties.put("ordo.insights.maintenance.enabled", "false");
        }
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            ApplicationContext context = server.getApplicationContext();
            String url = options.containsKey("--url") ? options.get("--url") : context.getBean(EmbeddedPostgresServer.class).jdbcUrl();
            try (Connection sql = DriverManager.getConnection(url, options.getOrDefault("--user", "postgres"),
                    options.getOrDefault("--password", ""))) {
                List<String[]> workerLogins = Backlog.setUp(context, sql, items, workers);
                int statementStats = Integer.parseInt(options.getOrDefault("--statement-stats", "0"));
                if (insightsRound) { // it takes the seeded million in as facts before the load, not in the measured window
                    if (statementStats > 0) {
                        PostgresCounters.resetStatementStats(sql);
                    }
                    OpenLoopNextWork.catchUp(context.getBean(health.ordo.application.port.in.insights.MaintainInsightsUseCase.class), sql, items);
                    if (statementStats > 0) {
                        System.out.println("the insights round's catch-up, per seeded item:");
                        PostgresCounters.printStatementStats(sql, statementStats, items);
                    }
                }
                List<String> tokens = signIn(server.getURI(), workerLogins);
                CpuMeter meter = new CpuMeter(options.containsKey("--url") ? null : Path.of("target", "bench-gnw-pg"));
                int warmUp = Integer.parseInt(options.getOrDefault("--warmup-seconds", "120"));
                long[][] restWal = new long[1][];
                Result[] run = restRun(server.getURI(), tokens, warmUp, seconds, meter, () -> {
                    if (statementStats > 0) {
                        PostgresCounters.resetStatementStats(sql);
                    }
                    restWal[0] = PostgresCounters.wal(sql);
                });
                String restWalPerClaim = PostgresCounters.walPerClaim(restWal[0], PostgresCounters.wal(sql), run[1].claims());
                System.out.printf(Locale.ROOT, "warm-up: %s%n", run[0]);
                Result rest = run[1];
                if (statementStats > 0) {
                    PostgresCounters.printStatementStats(sql, statementStats, rest.claims());
                }
                int bareSeconds = Integer.parseInt(options.getOrDefault("--bare-seconds", "0"));
                if (bareSeconds > 0) {
                    System.out.printf(Locale.ROOT, "bare authenticated request: %.0f requests/s%n",
                            bareRun(server.getURI(), tokens, bareSeconds));
                }
                long doubles = doubleClaims(sql);
                resetReady(sql);
                if (statementStats > 0) {
                    PostgresCounters.resetStatementStats(sql);
                }
                long[] rawWalBefore = PostgresCounters.wal(sql);
                Result raw = rawRun(url, options, workers, seconds, meter);
                String rawWalPerClaim = PostgresCounters.walPerClaim(rawWalBefore, PostgresCounters.wal(sql), raw.claims());
                if (statementStats > 0) {
                    System.out.println("raw claim SQL's statements:");
                    PostgresCounters.printStatementStats(sql, statementStats, raw.claims());
                }
                System.out.printf(Locale.ROOT, "REST get-next-work: %s; %s%n", rest, restWalPerClaim);
                System.out.printf(Locale.ROOT, "raw claim SQL:      %s; %s%n", raw, rawWalPerClaim);
                System.out.printf(Locale.ROOT, "RESULT items=%d workers=%d seconds=%d rest_claims_per_s=%.0f raw_claims_per_s=%.0f "
                                + "ratio=%.2f rest_p50_ms=%.2f rest_p95_ms=%.2f rest_p99_ms=%.2f double_assignments=%d%n",
                        items, workers, seconds, rest.perSecond(), raw.perSecond(), rest.perSecond() / raw.perSecond(),
                        rest.p(50), rest.p(95), rest.p(99), doubles + rest.doubles() + raw.doubles());
            }
        }
        System.exit(0);
    }

    private record Result(long claims, double seconds, long[] latenciesNanos, long doubles, String cpu) {

        double perSecond() {
            return claims / seconds;
        }

        double p(int percentile) {
            return Latencies.percentileMillis(latenciesNanos, percentile);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d claims in %.1f s = %.0f/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, doubles %d; %s",
                    claims, seconds, perSecond(), p(50), p(95), p(99), doubles, cpu);
        }
    }

    /** Signs every worker in (through {@code /login}, as staff do) and returns their bearer tokens. */
    static List<String> signIn(URI base, List<String[]> logins) throws Exception {
        List<String> tokens = new ArrayList<>();
        try (KeepAliveHttp connection = new KeepAliveHttp(base)) {
            for (String[] login : logins) {
                KeepAliveHttp.Response response = connection.post("/login", null,
                        "{\"username\":\"" + login[0] + "\",\"password\":\"benchmark-password\"}");
                Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
                if (!token.find()) {
                    throw new IllegalStateException("login failed for " + login[0] + ": " + response.status());
                }
                tokens.add(token.group(1));
            }
        }
        return tokens;
    }

    /** Work done at the start of the measured window (resetting statement statistics). */
    @FunctionalInterface
    private interface WindowStart {
        void run() throws SQLException;
    }

    /**
     * The REST loop, warm-up and measured window in one go: the clients keep their connections and never pause between
     * the two (ending the warm-up's connections and opening new ones made the JIT discard and recompile much of the
     * request path inside the measured window); only claims started inside the window count for it. Answers the
     * warm-up's result and the window's.
     */
    private static Result[] restRun(URI base, List<String> tokens, int warmUpSeconds, int seconds, CpuMeter meter, WindowStart atStart)
            throws Exception {
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        AtomicLong doubles = new AtomicLong();
        long started = System.nanoTime();
        long windowStart = started + Duration.ofSeconds(warmUpSeconds).toNanos();
        long windowEnd = windowStart + Duration.ofSeconds(seconds).toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(tokens.size());
        List<Future<long[][]>> futures = new ArrayList<>();
        CpuMeter.Reading cpuAtStart = meter.read();
        for (String token : tokens) {
            futures.add(threads.submit(() -> {
                long[][] latencies = {new long[200_000], new long[200_000]};
                int[] n = new int[2];
                try (KeepAliveHttp connection = new KeepAliveHttp(base)) {
                    while (System.nanoTime() < windowEnd) {
                        long t0 = System.nanoTime();
                        KeepAliveHttp.Response next = connection.post("/api/v1/work/next", token, "{\"start\":true}");
                        long elapsed = System.nanoTime() - t0;
                        if (next.status() != 200) {
                            continue;
                        }
                        int phase = t0 < windowStart ? 0 : 1;
                        if (n[phase] < latencies[phase].length) {
                            latencies[phase][n[phase]++] = elapsed;
                        }
                        Matcher id = ID.matcher(next.body());
                        id.find();
                        if (!claimed.add(id.group(1))) {
                            doubles.incrementAndGet();
                        }
                        KeepAliveHttp.Response completed = connection.post("/api/v1/work-items/" + id.group(1) + "/complete", token,
                                "{\"resolutionCode\":\"RELEASED\"}");
                        if (completed.status() != 200) {
                            throw new IllegalStateException("complete answered " + completed.status() + ": " + completed.body());
                        }
                    }
                }
                return new long[][] {Arrays.copyOf(latencies[0], n[0]), Arrays.copyOf(latencies[1], n[1])};
            }));
        }
        Thread.sleep(Math.max(0, (windowStart - System.nanoTime()) / 1_000_000));
        CpuMeter.Reading cpuAtWindow = meter.read();
        atStart.run();
        List<long[][]> all = new ArrayList<>();
        for (Future<long[][]> future : futures) {
            all.add(future.get());
        }
        threads.shutdown();
        long[] warm = all.stream().flatMapToLong(l -> Arrays.stream(l[0])).sorted().toArray();
        long[] measured = all.stream().flatMapToLong(l -> Arrays.stream(l[1])).sorted().toArray();
        Thread.sleep(300); // ended backends are reaped by the postmaster before their CPU shows in its counters
        return new Result[] {
                new Result(warm.length, warmUpSeconds, warm, 0, cpuAtStart.perClaim(cpuAtWindow, warm.length)),
                new Result(measured.length, seconds, measured, doubles.get(), cpuAtWindow.perClaim(meter.read(), measured.length))};
    }

    /**
     * The HTTP stack alone: the same clients and tokens calling an endpoint that answers before touching the database
     * ({@code GET /api/v1/work-items/not-a-uuid}, 400 after authentication, security rules, filters and routing).
     */
    private static double bareRun(URI base, List<String> tokens, int seconds) throws Exception {
        AtomicLong done = new AtomicLong();
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(tokens.size());
        List<Future<?>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (String token : tokens) {
            futures.add(threads.submit(() -> {
                try (KeepAliveHttp connection = new KeepAliveHttp(base)) {
                    while (System.nanoTime() < until) {
                        connection.get("/api/v1/work-items/not-a-uuid", token);
                        done.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        threads.shutdown();
        return done.get() / ((System.nanoTime() - started) / 1e9);
    }

    /** The number a counting query answers. */
    static long count(Connection sql, String query) throws SQLException {
        try (Statement statement = sql.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Items claimed more than once while they were never released: must be none. */
    static long doubleClaims(Connection sql) throws SQLException {
        return count(sql, """
                select count(*) from (select work_item_id from work_item_history where action = 'claim'
                group by tenant_id, work_item_id having count(*) > 1) d""");
    }

    /** The raw run starts from the same state: every item READY again. */
    private static void resetReady(Connection sql) throws SQLException {
        try (Statement statement = sql.createStatement()) {
            statement.execute("update work_item set status = 'READY', assignee = null, claimed_at = null where status <> 'READY'");
            statement.execute("vacuum analyze work_item");
        }
    }

    private static Result rawRun(String url, Map<String, String> options, int workers, int seconds, CpuMeter meter) throws Exception {
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        AtomicLong doubles = new AtomicLong();
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(workers);
        List<Future<long[]>> futures = new ArrayList<>();
        CpuMeter.Reading cpuBefore = meter.read();
        long started = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            futures.add(threads.submit(() -> {
                String tenant = "b" + (worker % TENANTS);
                String[] queues = {"q" + (worker % TENANTS) * 2, "q" + ((worker % TENANTS) * 2 + 1)};
                long[] latencies = new long[500_000];
                int n = 0;
                try (Connection connection = DriverManager.getConnection(url, options.getOrDefault("--user", "postgres"),
                        options.getOrDefault("--password", ""));
                     PreparedStatement claim = connection.prepareStatement("""
                             update work_item set status = 'CLAIMED', assignee = ?, claimed_at = now(), version = version + 1
                             where (tenant_id, id) = (select tenant_id, id from work_item where tenant_id = ? and queue = ?
                                 and status = 'READY' order by priority_score desc, coalesce(deadline_at, 'infinity'::timestamptz), id
                                 limit 1 for update skip locked)
                             returning id""");
                     PreparedStatement complete = connection.prepareStatement(
                             "update work_item set status = 'COMPLETED', version = version + 1 where tenant_id = ? and id = ?")) {
                    int turn = 0;
                    while (System.nanoTime() < until) {
                        long t0 = System.nanoTime();
                        claim.setString(1, "raw-" + worker);
                        claim.setString(2, tenant);
                        claim.setString(3, queues[turn++ % 4 == 3 ? 1 : 0]);
                        String id = null;
                        try (ResultSet rs = claim.executeQuery()) {
                            if (rs.next()) {
                                id = rs.getString(1);
                            }
                        }
                        long elapsed = System.nanoTime() - t0;
                        if (id == null) {
                            continue;
                        }
                        if (n < latencies.length) {
                            latencies[n++] = elapsed;
                        }
                        if (!claimed.add(id)) {
                            doubles.incrementAndGet();
                        }
                        complete.setString(1, tenant);
                        complete.setObject(2, UUID.fromString(id));
                        complete.executeUpdate();
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> future : futures) {
            all.add(future.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        threads.shutdown();
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Thread.sleep(300); // ended backends are reaped by the postmaster before their CPU shows in its counters
        return new Result(latencies.length, elapsed, latencies, doubles.get(), cpuBefore.perClaim(meter.read(), latencies.length));
    }
}
