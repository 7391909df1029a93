package health.ordo.benchmarks;

/** Percentiles of measured call durations. */
final class Latencies {

    private Latencies() {
    }

    /** The nearest-rank percentile of ascending durations in nanoseconds, in milliseconds; NaN when there are none. */
    static double percentileMillis(long[] sortedNanos, int percentile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = Math.min(sortedNanos.length - 1, (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }
}
