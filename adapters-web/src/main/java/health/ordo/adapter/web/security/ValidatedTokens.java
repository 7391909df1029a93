package health.ordo.adapter.web.security;

import com.nimbusds.jwt.JWT;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.RolesFinder;
import io.micronaut.security.token.config.TokenConfiguration;
import io.micronaut.security.token.jwt.validator.DefaultJwtAuthenticationFactory;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.text.ParseException;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A cache of validated tokens: a worker's client presents the same bearer token on every request, and parsing it,
 * checking its signature, its claims ({@link TokenTrust}, {@link RevokedClientTokens}) and building its
 * {@link Authentication} each time cost about 4 % of the request threads at full get-next-work load.
 *
 * <p>The cache is filled where Micronaut turns a token that passed every check into an authentication (this bean
 * replaces that factory: nothing else calls it) and read first of the token validators, keyed by the whole token, so
 * only the exact token that was validated is taken. An entry lives {@code ordo.security.token-cache-millis} (1 s; 0
 * turns the cache off) and never past the token's expiry, so a disabled user or a revoked client is refused at most
 * that much later than without the cache.
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
class ValidatedTokens extends DefaultJwtAuthenticationFactory implements TokenValidator<HttpRequest<?>> {

    static final int MAX_ENTRIES = 10_000;

    private final long ttlMillis;
    private final LongSupplier clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Authentication authentication, long untilMillis) {
    }

    @Inject
    ValidatedTokens(TokenConfiguration tokens, RolesFinder roles, @Value("${ordo.security.token-cache-millis:1000}") long ttlMillis) {
        this(tokens, roles, ttlMillis, System::currentTimeMillis);
    }

    ValidatedTokens(TokenConfiguration tokens, RolesFinder roles, long ttlMillis, LongSupplier clock) {
        super(tokens, roles);
        this.ttlMillis = ttlMillis;
        this.clock = clock;
    }

    /** Before Micronaut's own validator: a token validated within the cache time, or nothing (the others then run). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, @Nullable HttpRequest<?> request) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return Mono.empty();
        }
        if (clock.getAsLong() >= entry.untilMillis()) {
            entries.remove(token, entry);
            return Mono.empty();
        }
        return Mono.just(entry.authentication());
    }

    /** Called by Micronaut's validator with a token that passed its signature and every claims check. */
    @Override
    public Optional<Authentication> createAuthentication(JWT token) {
        Optional<Authentication> authentication = super.createAuthentication(token);
        String serialized = token.getParsedString();
        if (authentication.isPresent() && ttlMillis > 0 && serialized != null) {
            long now = clock.getAsLong();
            long until = Math.min(now + ttlMillis, expiry(token));
            if (until > now) {
                if (entries.size() >= MAX_ENTRIES) {
                    entries.values().removeIf(e -> e.untilMillis() <= now);
                    if (entries.size() >= MAX_ENTRIES) {
                        entries.clear();
                    }
                }
                entries.put(serialized, new Entry(authentication.get(), until));
            }
        }
        return authentication;
    }

    private static long expiry(JWT token) {
        try {
            Date expires = token.getJWTClaimsSet().getExpirationTime();
            return expires == null ? Long.MAX_VALUE : expires.getTime();
        } catch (ParseException e) {
            return Long.MIN_VALUE;
        }
    }
}
