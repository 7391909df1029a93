package health.ordo.benchmarks;

import pro.taskana.spi.priority.api.PriorityServiceProvider;
import pro.taskana.task.api.TaskCustomIntField;
import pro.taskana.task.api.models.TaskSummary;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's priority for Taskana, through its priority SPI (registered in {@code META-INF/services}): money at
 * stake (custom int 1, dollars, log-scaled to $500k) and deadline proximity (half-life two days), weighted 40/60 in even
 * versions and 60/40 in odd ones, so that a new version changes nearly every open task's priority. 0–10,000, the same
 * range and granularity as Ordo's 0.00–100.00 score. Simpler than Ordo's policy (7 factors, 10 rules): the cost of
 * Taskana's job is its reads and writes, not this arithmetic.
 */
public final class BenchPriorityProvider implements PriorityServiceProvider {

    private static final AtomicInteger VERSION = new AtomicInteger();
    private static final AtomicLong SCORED = new AtomicLong();

    static void nextVersion() {
        VERSION.incrementAndGet();
    }

    static long scored() {
        return SCORED.get();
    }

    @Override
    public OptionalInt calculatePriority(TaskSummary task) {
        SCORED.incrementAndGet();
        Integer dollars = task.getCustomIntField(TaskCustomIntField.CUSTOM_INT_1);
        double money = dollars == null ? 0 : Math.min(1, Math.log1p(Math.max(0, dollars)) / Math.log1p(500_000));
        double deadline = 0;
        if (task.getDue() != null) {
            double days = Duration.between(Instant.now(), task.getDue()).toMinutes() / 1440.0;
            deadline = days <= 0 ? 1 : 2 / (2 + days);
        }
        boolean even = VERSION.get() % 2 == 0;
        double score = even ? 0.4 * money + 0.6 * deadline : 0.6 * money + 0.4 * deadline;
        return OptionalInt.of((int) Math.round(score * 10_000));
    }
}
