package health.ordo.benchmarks;

import health.ordo.adapter.persistence.embedded.EmbeddedPostgresServer;
import health.ordo.application.port.in.insights.MaintainInsightsUseCase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Get-next-work at a realistic load: a backlog of {@code --items} READY items (default 1,000,000), and claims arriving at
 * a fixed rate ({@code --rate}, default 100 a second) for {@code --seconds} (default 60) after a warm-up, sent by
 * {@link OpenLoopClient} in a separate JVM. Prints the server's own time for each claim (from the first filter to the
 * response, {@link ServerTiming}), the client's time from each claim's due arrival, and double assignments. The
 * background rounds run as in production (the insights round after catching up with the seeded backlog); re-scoring the
 * whole seeded backlog does not, {@code RescoreHarness} measures it.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar health.ordo.benchmarks.OpenLoopNextWork [--items N] [--rate R]
 * [--seconds S] [--warmup-seconds W] [--workers V] [--insights false] [--seeded true]} ({@code --insights false}: without
 * the insights round, to tell its share of the tail; {@code --seeded true}: again on the last run's backlog)
 */
public final class OpenLoopNextWork {

    private OpenLoopNextWork() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = HarnessServer.options(args);
        int items = Integer.parseInt(options.getOrDefault("--items", "1000000"));
        int rate = Integer.parseInt(options.getOrDefault("--rate", "100"));
        int seconds = Integer.parseInt(options.getOrDefault("--seconds", "60"));
        int warmUp = Integer.parseInt(options.getOrDefault("--warmup-seconds", "30"));
        int workers = Integer.parseInt(options.getOrDefault("--workers", "20"));
        Map<String, Object> properties = HarnessServer.properties(options, "bench-open-loop-pg");
        properties.put("ordo.priority.rescore-initial-delay", "24h");
        properties.put("ordo.bench.server-timing", "true");
        // --seeded true: the backlog of the last run (target/bench-open-loop-pg, same --items and --workers) as it is
        boolean seeded = Boolean.parseBoolean(options.getOrDefault("--seeded", "false"));
        properties.put("ordo.embedded-postgres.clean-on-start", Boolean.toString(!seeded));
        boolean insightsRound = !"false".equals(options.get("--insights"));
        if (!insightsRound) {
            properties.put("ordo.insights.maintenance.enabled", "false");
        }
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            ApplicationContext context = server.getApplicationContext();
            String url = context.getBean(EmbeddedPostgresServer.class).jdbcUrl();
            try (Connection sql = DriverManager.getConnection(url, "postgres", "")) {
                List<String[]> logins = seeded ? Backlog.logins(workers) : Backlog.setUp(context, sql, items, workers);
                List<String> tokens = GetNextWorkHarness.signIn(server.getURI(), logins);
                if (insightsRound) {
                    catchUp(context.getBean(MaintainInsightsUseCase.class), sql, items);
                }
                Path tokenFile = Files.createTempFile("ordo-open-loop", ".tokens");
                Files.write(tokenFile, tokens);
                Process client = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                        System.getProperty("java.class.path"), OpenLoopClient.class.getName(), server.getURI().toString(),
                        Integer.toString(rate), Integer.toString(warmUp), Integer.toString(seconds), tokenFile.toString())
                        .inheritIO().start();
                Thread.sleep(200L + warmUp * 1000L);
                ServerTiming.start();
                Thread.sleep(seconds * 1000L);
                long[] serverSide = ServerTiming.stop();
                int exit = client.waitFor();
                Files.deleteIfExists(tokenFile);
                long doubles = GetNextWorkHarness.doubleClaims(sql);
                System.out.printf(Locale.ROOT, "RESULT items=%d rate=%d/s seconds=%d server_claims=%d server_p50_ms=%.2f server_p99_ms=%.2f "
                                + "server_max_ms=%.2f double_assignments=%d client_exit=%d%n", items, rate, seconds, serverSide.length,
                        Latencies.percentileMillis(serverSide, 50), Latencies.percentileMillis(serverSide, 99),
                        serverSide.length == 0 ? Double.NaN : serverSide[serverSide.length - 1] / 1e6, doubles, exit);
            }
        }
        System.exit(0);
    }

    /**
     * The seeded backlog is a million items changed at once, which the insights round would take in as facts during the
     * measured window; a running deployment takes them in as they change. The round catches up before the load starts
     * and keeps running during it, taking in the claims' changes.
     */
    static void catchUp(MaintainInsightsUseCase insights, Connection sql, int items) throws Exception {
        long started = System.nanoTime();
        // the scheduled round may hold the watermark (a round of ours then refreshes nothing): wait for every item's fact
        long facts = 0;
        while (facts < items) {
            insights.refreshFacts();
            Thread.sleep(1000);
            facts = GetNextWorkHarness.count(sql, "select count(*) from work_fact where origin = 'LIVE'");
        }
        long days = 0;
        for (int rolled = insights.rollUpChangedDays(); rolled > 0; rolled = insights.rollUpChangedDays()) {
            days += rolled;
        }
        System.out.printf(Locale.ROOT, "insights caught up before the load: %,d facts, %,d days rolled up in %.1f s%n", facts, days,
                (System.nanoTime() - started) / 1e9);
    }
}
