package health.ordo.benchmarks;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** One measured run: what the workers did, latencies of the claim call only, CPU and statements per claimed item. */
record NextWorkRun(long claims, double seconds, long[] latenciesNanos, long doubles, long failed, long empty,
               double jvmMsPerClaim, double postgresMsPerClaim, double statementsPerClaim, String wal) {

    double perSecond() {
        return claims / seconds;
    }

    double p(int percentile) {
        return Latencies.percentileMillis(latenciesNanos, percentile);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d claims in %.0f s = %.0f/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, doubles %d, "
                        + "failed %d, empty answers %d; CPU per claimed item: JVM %.2f ms, PostgreSQL %.2f ms; statements per claim %.1f; %s",
                claims, seconds, perSecond(), p(50), p(95), p(99), doubles, failed, empty, jvmMsPerClaim, postgresMsPerClaim,
                statementsPerClaim, wal);
    }

    /**
     * Every worker loops claim → complete from the start of the warm-up to the end of the window without a pause; only
     * claims started inside the window count. A claimed id seen twice is a double assignment, as is (for Ordo) an item
     * with two claims in its history. Afterwards the backlog is reset to READY and the engine's background work settles.
     */
    static NextWorkRun run(PeerHarness.Engine engine, Connection sql, int workers, int queues, int warmUpSeconds, int seconds,
                               int statementStats, CpuMeter meter) throws Exception {
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        AtomicLong doubles = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong empty = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        Instant runStart = Instant.now();
        long windowStart = System.nanoTime() + Duration.ofSeconds(warmUpSeconds).toNanos();
        long windowEnd = windowStart + Duration.ofSeconds(seconds).toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(workers);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            String queue = "q" + (w % queues);
            futures.add(threads.submit(() -> {
                long[] latencies = new long[1_000_000];
                int n = 0;
                while (System.nanoTime() < windowEnd) {
                    long t0 = System.nanoTime();
                    String id;
                    try {
                        id = engine.claimNext(worker, queue);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, "claim: " + e);
                        continue;
                    }
                    long elapsed = System.nanoTime() - t0;
                    if (id == null) {
                        empty.incrementAndGet();
                        continue;
                    }
                    if (t0 >= windowStart && n < latencies.length) {
                        latencies[n++] = elapsed;
                    }
                    if (!claimed.add(id)) {
                        doubles.incrementAndGet();
                    }
                    try {
                        engine.complete(worker, id);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, "complete: " + e);
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        Thread.sleep(Math.max(0, (windowStart - System.nanoTime()) / 1_000_000));
        CpuMeter.Reading cpuBefore = meter.read();
        if (statementStats > 0) {
            PostgresCounters.resetStatementStats(sql);
        }
        long[] walBefore = PostgresCounters.wal(sql);
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> future : futures) {
            all.add(future.get());
        }
        threads.shutdown();
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Thread.sleep(300); // ended backends are reaped by the postmaster before their CPU shows in its counters
        CpuMeter.Reading cpuAfter = meter.read();
        long claims = latencies.length;
        double statements = Double.NaN;
        if (statementStats > 0) {
            statements = PostgresCounters.statementCalls(sql) / (double) Math.max(1, claims);
            System.out.println(engine.name() + "'s statements in the window:");
            PostgresCounters.printStatementStats(sql, statementStats, claims);
        }
        String wal = PostgresCounters.walPerClaim(walBefore, PostgresCounters.wal(sql), claims);
        if (firstFailure.get() != null) {
            System.out.println(engine.name() + "'s first failure in the run: " + firstFailure.get());
        }
        long stored = engine.doubleAssignmentsInStore(sql, runStart);
        engine.resetBacklog(sql);
        engine.quiesce(sql);
        return new NextWorkRun(claims, seconds, latencies, doubles.get() + stored, failed.get(), empty.get(),
                (cpuAfter.jvmNanos() - cpuBefore.jvmNanos()) / 1e6 / Math.max(1, claims),
                (cpuAfter.postgresNanos() - cpuBefore.postgresNanos()) / 1e6 / Math.max(1, claims), statements, wal);
    }
}
