package health.ordo.adapter.persistence.limit;

import health.ordo.application.port.in.limit.RateLimitUseCase.Decision;
import health.ordo.application.port.in.limit.RateLimitUseCase.Limit;
import health.ordo.application.port.out.limit.RateLimitPort;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micronaut.context.annotation.Value;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets in PostgreSQL with bucket4j: a row per bucket, taken under {@code SELECT ... FOR UPDATE}, so every node
 * draws from the same bucket. An exact limit (sign-in) costs a round trip per request. The others are served from the
 * node's copy of the bucket until it has given {@code ordo.rate-limit.local-tokens} tokens or
 * {@code ordo.rate-limit.local-for} has passed, and then synchronised (bucket4j's delaying optimisation): with N nodes a
 * caller can get at most about N x local-tokens requests beyond its limit (docs/scale-out.md). Buckets are kept until
 * they have refilled completely; {@link #removeExpired} drops them afterwards.
 */
@Singleton
final class PostgresRateLimits implements RateLimitPort {

    /** How long a full bucket's row is kept after it would have refilled (clocks of nodes differ a little). */
    private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(30);

    private final PostgreSQLSelectForUpdateBasedProxyManager<Long> buckets;
    private final DelayParameters delay;
    private final Map<Long, BucketProxy> proxies;

    PostgresRateLimits(DataSource dataSource, DataSourceResolver resolver,
                       @Value("${ordo.rate-limit.local-tokens:10}") long localTokens,
                       @Value("${ordo.rate-limit.local-for:500ms}") Duration localFor,
                       @Value("${ordo.rate-limit.max-buckets:100000}") int maxBuckets) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(resolver.resolve(dataSource))
                .primaryKeyMapper(PrimaryKeyMapper.LONG)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                .build();
        this.delay = localTokens > 1 && !localFor.isZero() && !localFor.isNegative() ? new DelayParameters(localTokens, localFor) : null;
        this.proxies = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, BucketProxy> eldest) {
                return size() > maxBuckets;
            }
        });
    }

    @Override
    public Decision take(String key, Limit limit) {
        long id = id(key, limit);
        BucketProxy bucket = proxies.computeIfAbsent(id, k -> proxy(k, limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Decision.ALLOWED;
        }
        return new Decision(false, Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }

    @Override
    public int removeExpired(int max) {
        return buckets.removeExpired(max);
    }

    private BucketProxy proxy(long id, Limit limit) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(limit.burst()).refillGreedy(limit.tokens(), limit.period()))
                .build();
        return limit.exact() || delay == null
                ? buckets.builder().build(id, () -> configuration)
                : buckets.builder().withOptimization(Optimizations.delaying(delay)).build(id, () -> configuration);
    }

    /** The first eight bytes of SHA-256 over the key and the limit's shape: no login or address in the table. */
    static long id(String key, Limit limit) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((key + "|" + limit.shape()).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
