package health.ordo.adapter.web.security;


import health.ordo.adapter.web.problem.ProblemType;
import health.ordo.adapter.web.problem.Problems;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import org.reactivestreams.Publisher;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token-bucket rate limits on {@code /api/**} and {@code /oauth/**}, after authentication: one bucket per caller (user
 * or machine client) and one per tenant, so one noisy integration cannot starve its tenant and one tenant cannot
 * starve the others. Sign-in ({@code /login}, {@code /oauth/token}) has a small bucket per client address of its own
 * ({@code ordo.rate-limit.sign-in-per-minute}, 30, bursts of {@code ordo.rate-limit.sign-in-burst}, 10). At most
 * {@code ordo.rate-limit.max-buckets} buckets are kept (the least recently used dropped first). An empty bucket answers {@code 429} with {@code Retry-After} (seconds) and a problem body. Buckets
 * live in each node's memory: with N nodes behind a balancer, a caller gets up to N times the rate.
 */
@Filter({"/api/**", "/oauth/**", "/login", "/login/"})
class RateLimitFilter implements HttpServerFilter {

    /** A token bucket: {@code capacity} tokens, refilled at {@code perSecond}. */
    static final class Bucket {
        private final double capacity;
        private final double perSecond;
        private double tokens;
        private long refilledAt;

        Bucket(double capacity, double perSecond, long now) {
            this.capacity = capacity;
            this.perSecond = perSecond;
            this.tokens = capacity;
            this.refilledAt = now;
        }

        /** @return 0 when a token was taken, else the seconds until one is available */
        synchronized long take(long nowNanos) {
            tokens = Math.min(capacity, tokens + (nowNanos - refilledAt) / 1e9 * perSecond);
            refilledAt = nowNanos;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }
    }

    private final double callerRate;
    private final double callerBurst;
    private final double tenantRate;
    private final double tenantBurst;
    private final double signInRate;
    private final double signInBurst;
    private final ClientAddress addresses;
    private final Map<String, Bucket> buckets;

    RateLimitFilter(@Value("${ordo.rate-limit.caller-per-second:100}") double callerRate,
                    @Value("${ordo.rate-limit.caller-burst:200}") double callerBurst,
                    @Value("${ordo.rate-limit.tenant-per-second:500}") double tenantRate,
                    @Value("${ordo.rate-limit.tenant-burst:1000}") double tenantBurst,
                    @Value("${ordo.rate-limit.sign-in-per-minute:30}") double signInPerMinute,
                    @Value("${ordo.rate-limit.sign-in-burst:10}") double signInBurst,
                    @Value("${ordo.rate-limit.max-buckets:100000}") int maxBuckets, ClientAddress addresses) {
        this.signInRate = signInPerMinute / 60.0;
        this.signInBurst = signInBurst;
        this.addresses = addresses;
        this.buckets = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxBuckets;
            }
        });
        this.callerRate = callerRate;
        this.callerBurst = callerBurst;
        this.tenantRate = tenantRate;
        this.tenantBurst = tenantBurst;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
        long now = System.nanoTime();
        String address = addresses.of(request);
        String path = BodyLimits.withoutTrailingSlash(request.getPath());
        long wait;
        if (path.equals("/login") || path.equals("/oauth/token")) {
            wait = buckets.computeIfAbsent("sign-in:" + address, k -> new Bucket(signInBurst, signInRate, now)).take(now);
        } else {
            String caller = authentication == null ? "anonymous:" + address : "caller:" + authentication.getName();
            wait = buckets.computeIfAbsent(caller, k -> new Bucket(callerBurst, callerRate, now)).take(now);
        }
        if (wait == 0 && authentication != null && authentication.getAttributes().get(Caller.TENANT_CLAIM) instanceof String tenant) {
            wait = buckets.computeIfAbsent("tenant:" + tenant, k -> new Bucket(tenantBurst, tenantRate, now)).take(now);
        }
        if (wait > 0) {
            return Publishers.just(Problems.response(request, ProblemType.RATE_LIMITED,
                    "rate limit exceeded; retry after " + wait + " s", List.of()).header("Retry-After", Long.toString(wait)));
        }
        return chain.proceed(request);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
