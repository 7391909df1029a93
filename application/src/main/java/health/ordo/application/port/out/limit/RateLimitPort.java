package health.ordo.application.port.out.limit;

import health.ordo.application.port.in.limit.RateLimitUseCase;

/**
 * Token buckets every node shares. Implementations may throw a runtime exception when the store cannot be reached; the
 * caller then falls back to the node's own buckets.
 */
public interface RateLimitPort {

    /** Takes one token from the shared bucket of {@code key}. */
    RateLimitUseCase.Decision take(String key, RateLimitUseCase.Limit limit);

    /** Removes up to {@code max} buckets that have refilled completely (they would start full anyway); the count removed. */
    int removeExpired(int max);
}
