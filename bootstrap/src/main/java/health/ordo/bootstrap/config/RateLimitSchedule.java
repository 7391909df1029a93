package health.ordo.bootstrap.config;

import health.ordo.application.service.limit.RateLimitService;
import health.ordo.application.service.limit.SignInThrottleService;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Housekeeping of the shared rate-limit buckets and sign-in failure counts on every node: drops buckets that have
 * refilled completely and failure counts idle for the sign-in window (any node may; SKIP LOCKED keeps them apart), and reports requests this node limited on its own buckets because the shared
 * store could not be reached.
 */
@Singleton
class RateLimitSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitSchedule.class);
    static final int BATCH = 10_000;

    private final RateLimitService limits;
    private final SignInThrottleService signIns;

    RateLimitSchedule(RateLimitService limits, SignInThrottleService signIns) {
        this.limits = limits;
        this.signIns = signIns;
    }

    @Scheduled(fixedDelay = "${ordo.rate-limit.sweep-interval:1m}", initialDelay = "${ordo.rate-limit.sweep-initial-delay:1m}")
    void sweep() {
        RateLimitService.FallbackReport report = limits.takeFallbackReport();
        if (report.requests() > 0) {
            LOG.warn("{} requests were rate-limited on this node's own buckets: the shared buckets could not be reached ({})",
                    report.requests(), report.lastFailure());
        }
        try {
            int removed;
            do {
                removed = limits.removeExpired(BATCH);
            } while (removed == BATCH);
            do {
                removed = signIns.removeIdle(BATCH);
            } while (removed == BATCH);
        } catch (RuntimeException e) {
            LOG.warn("Dropping refilled rate-limit buckets or idle sign-in failure counts failed; the next round retries: {}", e.toString());
        }
    }
}
