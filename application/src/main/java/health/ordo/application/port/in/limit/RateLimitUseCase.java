package health.ordo.application.port.in.limit;

import java.time.Duration;
import java.util.Objects;

/** Takes a token from a bucket shared by every node, or says how long to wait for one. */
public interface RateLimitUseCase {

    /**
     * A token bucket: {@code burst} tokens at most, {@code tokens} added back every {@code period} (greedily, a share
     * at a time).
     *
     * @param exact whether every token is counted in the shared store before it is given (sign-in); otherwise a node
     *              may give a few tokens from its own copy of the bucket before it synchronises (documented in
     *              docs/scale-out.md)
     */
    record Limit(long burst, long tokens, Duration period, boolean exact) {
        public Limit {
            Objects.requireNonNull(period, "period");
            if (burst < 1 || tokens < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a limit has a burst and a refill of at least one token over a positive period");
            }
        }

        /** A limit of {@code perSecond} (may be below one) with bursts of {@code burst}. */
        public static Limit of(double perSecond, double burst, boolean exact) {
            if (!(perSecond > 0) || !(burst >= 1)) {
                throw new IllegalArgumentException("a rate limit is positive with a burst of at least one");
            }
            return perSecond >= 1
                    ? new Limit((long) burst, Math.round(perSecond), Duration.ofSeconds(1), exact)
                    : new Limit((long) burst, 1, Duration.ofNanos(Math.round(1e9 / perSecond)), exact);
        }

        /** A compact, stable name of the limit's shape, part of the bucket's key (a changed limit starts a new bucket). */
        public String shape() {
            return burst + "/" + tokens + "/" + period.toNanos() + (exact ? "/exact" : "");
        }
    }

    /**
     * @param allowed     whether a token was taken
     * @param waitSeconds when refused, the whole seconds until a token is available (at least one)
     */
    record Decision(boolean allowed, long waitSeconds) {
        public static final Decision ALLOWED = new Decision(true, 0);
    }

    /** Takes one token from the bucket of {@code key} (e.g. {@code caller:ada@demo}, {@code tenant:demo}). */
    Decision take(String key, Limit limit);
}
