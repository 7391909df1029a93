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

    /**
     * One fact's part in the rows of its arrival day or of its closing day, worked out once (its histogram buckets
     * above all) and then counted into each row the fact belongs to, without a metrics object per fact.
     */
    static final class Part {
        private final WorkFact fact;
        private final boolean closing;
        private final int cycle;
        private final int waiting;
        private final int touch;

        private Part(WorkFact fact, boolean closing) {
            this.fact = fact;
            this.closing = closing;
            boolean measured = closing && !fact.cancelled();
            this.cycle = measured ? bucket(fact.cycleTime()) : -1;
            this.waiting = measured ? bucket(fact.waitTime()) : -1;
            this.touch = measured ? bucket(fact.touchTime()) : -1;
        }

        static Part arrival(WorkFact fact) {
            return new Part(fact, false);
        }

        static Part closing(WorkFact fact) {
            return new Part(fact, true);
        }

        private static int bucket(Duration duration) {
            return duration == null ? -1 : DurationHistogram.bucketOf(duration);
        }
    }

    /** Counts a fact's part in ({@code sign} 1) or out again ({@code sign} -1). */
    void count(Part part, int sign) {
        WorkFact fact = part.fact;
        if (!part.closing) {
            arrivals += sign;
            arrivedAmount = plus(arrivedAmount, fact.amount(), sign);
            return;
        }
        if (fact.cancelled()) {
            cancellations += sign;
            return;
        }
        completions += sign;
        completedAmount = plus(completedAmount, fact.amount(), sign);
        Boolean metDeadline = fact.metDeadline();
        if (metDeadline != null) {
            withDeadline += sign;
            met += metDeadline ? sign : 0;
        }
        if (fact.reopened() > 0) {
            reopened += sign;
        } else {
            firstPass += sign;
        }
        exceptions += fact.exception() ? sign : 0;
        overridden += fact.overridden() ? sign : 0;
        claims += (long) sign * fact.claims();
        claimsAsProposed += (long) sign * fact.claimsAsProposed();
        if (fact.writtenOff()) {
            writtenOff += sign;
            writtenOffAmount = plus(writtenOffAmount, fact.amount(), sign);
        } else {
            recoveredAmount = plus(recoveredAmount, fact.amount(), sign);
        }
        count(cycle, part.cycle, sign);
        count(waiting, part.waiting, sign);
        count(touch, part.touch, sign);
    }

    private static BigDecimal plus(BigDecimal total, BigDecimal amount, int sign) {
        return sign > 0 ? total.add(amount) : total.subtract(amount);
    }

    private static void count(long[] histogram, int bucket, int sign) {
        if (bucket >= 0) {
            histogram[bucket] += sign;
        }
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
        arrivals += sign * other.arrivals;
        arrivedAmount = plus(arrivedAmount, other.arrivedAmount, sign);
        completions += sign * other.completions;
        completedAmount = plus(completedAmount, other.completedAmount, sign);
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
        recoveredAmount = plus(recoveredAmount, other.recoveredAmount, sign);
        writtenOffAmount = plus(writtenOffAmount, other.writtenOffAmount, sign);
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
}
