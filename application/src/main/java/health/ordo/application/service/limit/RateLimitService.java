package health.ordo.application.service.limit;

import health.ordo.application.port.in.limit.RateLimitUseCase;
import health.ordo.application.port.out.limit.RateLimitPort;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Rate limits every node shares through the {@link RateLimitPort}. When the shared store cannot be reached, a request
 * is not refused for that: the node limits on its own buckets (the limits then hold per node, as they did before they
 * were shared) and counts the requests it did so, for the operator to see.
 */
public final class RateLimitService implements RateLimitUseCase {

    /** What happened since the last report: requests limited on the node's own buckets, and the last failure. */
    public record FallbackReport(long requests, String lastFailure) {
    }

    private final RateLimitPort shared;
    private final LongSupplier nanoTime;
    private final Map<String, LocalBucket> local;
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();

    public RateLimitService(RateLimitPort shared, LongSupplier nanoTime, int maxLocalBuckets) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.local = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, LocalBucket> eldest) {
                return size() > maxLocalBuckets;
            }
        });
    }

    @Override
    public Decision take(String key, Limit limit) {
        try {
            return shared.take(key, limit);
        } catch (RuntimeException e) {
            fallbacks.incrementAndGet();
            lastFailure.set(e.toString());
            long now = nanoTime.getAsLong();
            return local.computeIfAbsent(key + "|" + limit.shape(), k -> new LocalBucket(limit, now)).take(now);
        }
    }

    /** Drops buckets that have refilled completely; returns how many. */
    public int removeExpired(int max) {
        return shared.removeExpired(max);
    }

    /** The requests limited on this node's own buckets since the last call, and the last failure of the shared store. */
    public FallbackReport takeFallbackReport() {
        return new FallbackReport(fallbacks.getAndSet(0), lastFailure.getAndSet(null));
    }

    /** A token bucket in this node's memory. */
    static final class LocalBucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long refilledAt;

        LocalBucket(Limit limit, long now) {
            this.capacity = limit.burst();
            this.perNano = limit.tokens() / (double) limit.period().toNanos();
            this.tokens = capacity;
            this.refilledAt = now;
        }

        synchronized Decision take(long now) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Decision.ALLOWED;
            }
            return new Decision(false, Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9)));
        }
    }
}
