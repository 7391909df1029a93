package health.ordo.benchmarks;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load of {@link OpenLoopNextWork}, in a process of its own: claims arrive at a fixed rate whatever the server does
 * (open loop), each taken by the next free virtual worker (its own keep-alive connection and token), which claims and
 * starts the next item ({@code POST /api/v1/work/next}) and completes it. A claim's latency counts from when it was due
 * to arrive, so a slow server shows in the numbers instead of slowing the arrivals (no coordinated omission).
 * <p>
 * Arguments: base URL, claims per second, warm-up seconds, measured seconds, a file of bearer tokens (one a line).
 */
public final class OpenLoopClient {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private OpenLoopClient() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        double rate = Double.parseDouble(args[1]);
        int warmUp = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        List<String> tokens = Files.readAllLines(Path.of(args[4])).stream().filter(t -> !t.isBlank()).toList();
        BlockingQueue<Long> arrivals = new ArrayBlockingQueue<>(1_000_000);
        long start = System.nanoTime() + 200_000_000L;
        long windowStart = start + TimeUnit.SECONDS.toNanos(warmUp);
        long end = windowStart + TimeUnit.SECONDS.toNanos(seconds);
        long[] latencies = new long[(int) (rate * seconds * 2) + 1000];
        AtomicInteger measured = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        AtomicLong late = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (String token : tokens) {
            Thread worker = new Thread(() -> {
                try (KeepAliveHttp http = new KeepAliveHttp(base)) {
                    while (true) {
                        long due = arrivals.take();
                        if (due < 0) {
                            return;
                        }
                        KeepAliveHttp.Response next = http.post("/api/v1/work/next", token, "{\"start\":true}");
                        long latency = System.nanoTime() - due;
                        if (next.status() != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (due >= windowStart && due < end) {
                            int at = measured.getAndIncrement();
                            if (at < latencies.length) {
                                latencies[at] = latency;
                            }
                        }
                        Matcher id = ID.matcher(next.body());
                        if (id.find()) {
                            http.post("/api/v1/work-items/" + id.group(1) + "/complete", token, "{\"resolutionCode\":\"RELEASED\"}");
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "open-loop-worker");
            worker.start();
            workers.add(worker);
        }
        long interval = (long) (1e9 / rate);
        long arrivalsSent = 0;
        for (long due = start; due < end; due += interval) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            } else if (wait < -interval) {
                late.incrementAndGet();
            }
            arrivals.put(due);
            arrivalsSent++;
        }
        for (int i = 0; i < workers.size(); i++) {
            arrivals.put(-1L);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long[] taken = Arrays.copyOf(latencies, Math.min(measured.get(), latencies.length));
        Arrays.sort(taken);
        System.out.printf(Locale.ROOT, "CLIENT arrivals=%d measured=%d errors=%d late_dispatches=%d rate=%.0f/s p50_ms=%.2f p90_ms=%.2f "
                        + "p99_ms=%.2f max_ms=%.2f%n", arrivalsSent, taken.length, errors.get(), late.get(), rate,
                Latencies.percentileMillis(taken, 50), Latencies.percentileMillis(taken, 90), Latencies.percentileMillis(taken, 99),
                taken.length == 0 ? Double.NaN : taken[taken.length - 1] / 1e6);
    }
}
