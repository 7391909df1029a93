package health.ordo.domain.insights;

import java.time.Duration;

/**
 * Durations counted in geometric buckets, so daily rollups can be merged and percentiles read without the rows: bucket
 * {@code k} holds durations from 1.2<sup>k</sup> to 1.2<sup>k+1</sup> minutes (bucket 0 also everything under a
 * minute, the last one everything over about four years). A percentile read from the buckets is within 10 % of the
 * exact one (linear interpolation inside the bucket).
 */
public final class DurationHistogram {

    public static final int BUCKETS = 80;
    public static final double RATIO = 1.2;

    private DurationHistogram() {
    }

    public static int bucketOf(Duration duration) {
        double minutes = duration.toMillis() / 60_000.0;
        if (minutes < 1) {
            return 0;
        }
        return (int) Math.min(BUCKETS - 1, Math.floor(Math.log(minutes) / Math.log(RATIO)));
    }

    /** The lower edge of a bucket, in minutes (0 for the first). */
    static double lowerMinutes(int bucket) {
        return bucket == 0 ? 0 : Math.pow(RATIO, bucket);
    }

    static double upperMinutes(int bucket) {
        return Math.pow(RATIO, bucket + 1);
    }

    /** The {@code p}-quantile (0 to 1) of the counted durations, null when nothing was counted. */
    public static Duration percentile(long[] counts, double p) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        if (total == 0) {
            return null;
        }
        double rank = p * total;
        long seen = 0;
        for (int bucket = 0; bucket < counts.length; bucket++) {
            if (counts[bucket] == 0) {
                continue;
            }
            if (seen + counts[bucket] >= rank) {
                double within = (rank - seen) / counts[bucket];
                double minutes = lowerMinutes(bucket) + within * (upperMinutes(bucket) - lowerMinutes(bucket));
                return Duration.ofSeconds(Math.round(minutes * 60));
            }
            seen += counts[bucket];
        }
        return Duration.ofSeconds(Math.round(upperMinutes(counts.length - 1) * 60));
    }
}
