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
        merge(other, 1);
    }

    /** Takes another's metrics out of these (a fact counted here before it changed). */
    public void subtract(DayMetrics other) {
        merge(other, -1);
    }

    private void merge(DayMetrics other, int sign) {
        BigDecimal signum = BigDecimal.valueOf(sign);
        arrivals += sign * other.arrivals;
        arrivedAmount = arrivedAmount.add(other.arrivedAmount.multiply(signum));
        completions += sign * other.completions;
        completedAmount = completedAmount.add(other.completedAmount.multiply(signum));
        cancellations += sign * other.cancellations;
        withDeadline += sign * other.withDeadline;
        met += sign * other.met;
        firstPass += sign * other.firstPass;
        reopened += sign * other.reopened;
        exceptions += sign * other.exceptions;
        overridden += sign * other.overridden;
        claims += sign * other.claims;
        claimsAsProposed += sign * other.claimsAsProposed;
        writtenOff += sign * other.writtenOff;
        recoveredAmount = recoveredAmount.add(other.recoveredAmount.multiply(signum));
        writtenOffAmount = writtenOffAmount.add(other.writtenOffAmount.multiply(signum));
        for (int i = 0; i < DurationHistogram.BUCKETS; i++) {
            cycle[i] += sign * other.cycle[i];
            waiting[i] += sign * other.waiting[i];
            touch[i] += sign * other.touch[i];
        }
    }

    /** Whether no fact counts here any more: none arrived, completed or was cancelled (a stored row then goes). */
    public boolean untouched() {
        return arrivals == 0 && completions == 0 && cancellations == 0;
    }

    /** Whether every count, amount and histogram bucket is zero (a change that changes nothing). */
    public boolean isZero() {
        if (!untouched() || withDeadline != 0 || met != 0 || firstPass != 0 || reopened != 0 || exceptions != 0 || overridden != 0
                || claims != 0 || claimsAsProposed != 0 || writtenOff != 0 || arrivedAmount.signum() != 0
                || completedAmount.signum() != 0 || recoveredAmount.signum() != 0 || writtenOffAmount.signum() != 0) {
            return false;
        }
        for (int i = 0; i < DurationHistogram.BUCKETS; i++) {
            if (cycle[i] != 0 || waiting[i] != 0 || touch[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Every count, amount (without trailing zeros) and histogram bucket, so equal metrics read the same. */
    @Override
    public String toString() {
        return "arrivals=" + arrivals + " arrived=" + plain(arrivedAmount) + " completions=" + completions + " completed="
                + plain(completedAmount) + " cancellations=" + cancellations + " withDeadline=" + withDeadline + " met=" + met
                + " firstPass=" + firstPass + " reopened=" + reopened + " exceptions=" + exceptions + " overridden=" + overridden
                + " claims=" + claims + " asProposed=" + claimsAsProposed + " writtenOff=" + writtenOff + " recovered="
                + plain(recoveredAmount) + " writtenOffAmount=" + plain(writtenOffAmount) + " cycle=" + sparse(cycle) + " wait="
                + sparse(waiting) + " touch=" + sparse(touch);
    }

    private static String plain(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }

    private static String sparse(long[] histogram) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < histogram.length; i++) {
            if (histogram[i] != 0) {
                text.append(text.length() > 1 ? "," : "").append(i).append(':').append(histogram[i]);
            }
        }
        return text.append('}').toString();
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
