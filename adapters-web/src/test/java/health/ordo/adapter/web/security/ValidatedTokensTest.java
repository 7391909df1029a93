package health.ordo.adapter.web.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.DefaultRolesFinder;
import io.micronaut.security.token.config.TokenConfigurationProperties;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the exact token that passed validation is taken from the cache, and only within its time and the token's life. */
class ValidatedTokensTest {

    private static final long NOW = 1_800_000_000_000L;
    private final AtomicLong clock = new AtomicLong(NOW);
    private final TokenConfigurationProperties config = new TokenConfigurationProperties();
    private final ValidatedTokens tokens = new ValidatedTokens(config, new DefaultRolesFinder(config), 1_000, clock::get);

    private static SignedJWT parsed(String subject, long expiresMillis) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject(subject)
                .expirationTime(new Date(expiresMillis)).claim("roles", List.of("WORKER")).build());
        jwt.sign(new MACSigner("a-secret-of-at-least-thirty-two-bytes!".getBytes()));
        return SignedJWT.parse(jwt.serialize());
    }

    private Authentication cached(SignedJWT token) {
        return Mono.from(tokens.validateToken(token.getParsedString(), null)).block();
    }

    @Test
    void aValidatedToken_isTakenFromTheCache_withItsAuthentication_andAnotherTokenIsNot() throws Exception {
        SignedJWT sam = parsed("sam@demo", NOW + 3_600_000);
        SignedJWT alice = parsed("alice@demo", NOW + 3_600_000);
        assertThat(cached(sam)).as("never validated").isNull();

        Authentication created = tokens.createAuthentication(sam).orElseThrow();

        assertThat(cached(sam)).isSameAs(created);
        assertThat(created.getName()).isEqualTo("sam@demo");
        assertThat(created.getRoles()).containsExactly("WORKER");
        assertThat(cached(alice)).isNull();
        String tampered = sam.getParsedString().substring(0, sam.getParsedString().length() - 2) + "AA";
        assertThat(Mono.from(tokens.validateToken(tampered, null)).block()).as("the same claims, another signature").isNull();
    }

    @Test
    void anEntry_livesTheCacheTime_andNeverPastTheTokensExpiry() throws Exception {
        SignedJWT longLived = parsed("sam@demo", NOW + 3_600_000);
        SignedJWT expiring = parsed("alice@demo", NOW); // a token's expiry is in whole seconds
        clock.set(NOW - 600);
        tokens.createAuthentication(longLived);
        tokens.createAuthentication(expiring);

        clock.set(NOW - 1);
        assertThat(cached(expiring)).isNotNull();
        clock.set(NOW);
        assertThat(cached(expiring)).as("expired").isNull();
        clock.set(NOW + 399);
        assertThat(cached(longLived)).isNotNull();
        clock.set(NOW + 400);
        assertThat(cached(longLived)).as("validated again after the cache time (a disabled user is refused then)").isNull();
    }

    @Test
    void aZeroCacheTime_turnsTheCacheOff() throws Exception {
        ValidatedTokens off = new ValidatedTokens(config, new DefaultRolesFinder(config), 0, clock::get);
        SignedJWT sam = parsed("sam@demo", NOW + 3_600_000);

        assertThat(off.createAuthentication(sam)).isPresent();
        assertThat(Mono.from(off.validateToken(sam.getParsedString(), null)).block()).isNull();
    }

    @Test
    void theCache_staysBounded() throws Exception {
        for (int i = 0; i <= ValidatedTokens.MAX_ENTRIES; i++) {
            tokens.createAuthentication(parsed("user" + i + "@demo", NOW + 3_600_000));
        }
        SignedJWT last = parsed("last@demo", NOW + 3_600_000);
        tokens.createAuthentication(last);

        assertThat(cached(last)).isNotNull();
        assertThat(cached(parsed("user0@demo", NOW + 3_600_000))).as("dropped when the cache was full").isNull();
    }
}
