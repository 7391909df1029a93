package health.ordo.domain.insights;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * What one day added to one group (a dimension's value, or everything): arrivals on their arrival day; completions
 * and everything measured at completion (SLA, durations, rework, exceptions, overrides, acceptance, money) on their
 * completion day. Additive, so days and groups merge by summing.
 */
public final class DayMetrics {

    public long arrivals;
    public BigDecimal arrivedAmount = BigDecimal.ZERO;
    public long completions;
    public BigDecimal completedAmount = BigDecimal.ZERO;
    public long cancellations;
    public long withDeadline;
    public long met;
    public long firstPass;
    public long reopened;
    public long exceptions;
    public long overridden;
    public long claims;
    public long claimsAsProposed;
    public long writtenOff;
    public BigDecimal recoveredAmount = BigDecimal.ZERO;
    public BigDecimal writtenOffAmount = BigDecimal.ZERO;
    public final long[] cycle = new long[DurationHistogram.BUCKETS];
    public final long[] waiting = new long[DurationHistogram.BUCKETS];
    public final long[] touch = new long[DurationHistogram.BUCKETS];

    void arrived(WorkFact fact) {
        arrivals++;
        arrivedAmount = arrivedAmount.add(fact.amount());
    }

    void closed(WorkFact fact) {
        if (fact.cancelled()) {
            cancellations++;
            return;
        }
        completions++;
        completedAmount = completedAmount.add(fact.amount());
        Boolean metDeadline = fact.metDeadline();
        if (metDeadline != null) {
            withDeadline++;
            met += metDeadline ? 1 : 0;
        }
        if (fact.reopened() > 0) {
            reopened++;
        } else {
            firstPass++;
        }
        exceptions += fact.exception() ? 1 : 0;
        overridden += fact.overridden() ? 1 : 0;
        claims += fact.claims();
        claimsAsProposed += fact.claimsAsProposed();
        if (fact.writtenOff()) {
            writtenOff++;
            writtenOffAmount = writtenOffAmount.add(fact.amount());
        } else {
            recoveredAmount = recoveredAmount.add(fact.amount());
        }
        count(cycle, fact.cycleTime());
        count(waiting, fact.waitTime());
        count(touch, fact.touchTime());
    }

    /** Adds another day's or group's metrics to these. */
    public void add(DayMetrics other) {
        arrivals += other.arrivals;
        arrivedAmount = arrivedAmount.add(other.arrivedAmount);
        completions += other.completions;
        completedAmount = completedAmount.add(other.completedAmount);
        cancellations += other.cancellations;
        withDeadline += other.withDeadline;
        met += other.met;
        firstPass += other.firstPass;
        reopened += other.reopened;
        exceptions += other.exceptions;
        overridden += other.overridden;
        claims += other.claims;
        claimsAsProposed += other.claimsAsProposed;
        writtenOff += other.writtenOff;
        recoveredAmount = recoveredAmount.add(other.recoveredAmount);
        writtenOffAmount = writtenOffAmount.add(other.writtenOffAmount);
        for (int i = 0; i < DurationHistogram.BUCKETS; i++) {
            cycle[i] += other.cycle[i];
            waiting[i] += other.waiting[i];
            touch[i] += other.touch[i];
        }
    }

    public long breached() {
        return withDeadline - met;
    }

    /** A share in percent with one decimal, null when the denominator is 0. */
    public static Double percent(long numerator, long denominator) {
        return denominator == 0 ? null : Math.round(1000.0 * numerator / denominator) / 10.0;
    }

    private static void count(long[] histogram, Duration duration) {
        if (duration != null) {
            histogram[DurationHistogram.bucketOf(duration)]++;
        }
    }
}
