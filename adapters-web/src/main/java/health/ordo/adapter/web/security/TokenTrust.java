package health.ordo.adapter.web.security;

import health.ordo.application.port.in.user.ManageUserAccessUseCase;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.user.Login;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.claims.ClaimsAudienceProvider;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which signed tokens are credentials. A token must name a trusted issuer and, with it, that issuer's audience for Ordo:
 * Ordo's own tokens carry issuer {@code micronaut.application.name} ({@code ordo}) and audience {@code ordo.security.audience}
 * ({@code ordo-api}); an identity provider's (JWKS) tokens must carry {@code ordo.security.idp.issuer} and
 * {@code ordo.security.idp.audience}, without which no provider token is accepted. A user token is no credential once its
 * user is disabled (Ordo's own users; a provider's user only if Ordo holds an account of that login), checked at most every
 * {@value #CACHE_MILLIS} ms per user. Machine tokens are checked by {@link RevokedClientTokens}.
 */
@Singleton
class TokenTrust implements GenericJwtClaimsValidator<HttpRequest<?>>, ClaimsAudienceProvider {

    static final long CACHE_MILLIS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(TokenTrust.class);

    private final String issuer;
    private final String audience;
    private final String idpIssuer;
    private final String idpAudience;
    private final Provider<ManageUserAccessUseCase> users;
    private final Map<String, long[]> checked = new ConcurrentHashMap<>();

    TokenTrust(@Value("${micronaut.application.name:ordo}") String issuer, @Value("${ordo.security.audience:ordo-api}") String audience,
               @Nullable @Value("${ordo.security.idp.issuer:}") String idpIssuer,
               @Nullable @Value("${ordo.security.idp.audience:}") String idpAudience,
               @Nullable @Value("${micronaut.security.token.jwt.signatures.jwks.idp.url:}") String idpKeys,
               Provider<ManageUserAccessUseCase> users) {
        this.issuer = issuer;
        this.audience = audience;
        this.idpIssuer = idpIssuer == null ? "" : idpIssuer.strip();
        this.idpAudience = idpAudience == null ? "" : idpAudience.strip();
        this.users = users;
        if (idpKeys != null && !idpKeys.isBlank() && (this.idpIssuer.isEmpty() || this.idpAudience.isEmpty())) {
            LOG.warn("An identity provider's keys are configured without ORDO_SECURITY_IDP_ISSUER and ORDO_SECURITY_IDP_AUDIENCE: "
                    + "none of its tokens will be accepted");
        }
    }

    /** The audience of the tokens Ordo issues. */
    @Override
    public List<String> audience() {
        return List.of(audience);
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        Object iss = claims.get(Claims.ISSUER);
        Object aud = claims.get(Claims.AUDIENCE);
        boolean own = issuer.equals(iss) && names(aud, audience);
        boolean provider = !own && !idpIssuer.isEmpty() && !idpAudience.isEmpty() && idpIssuer.equals(iss) && names(aud, idpAudience);
        if (!own && !provider) {
            return false;
        }
        if (claims.get("client_id") != null || !(claims.get(Claims.SUBJECT) instanceof String subject)) {
            return true;
        }
        Login login;
        try {
            login = Login.parse(subject);
        } catch (InvalidValueException | IllegalArgumentException e) {
            return provider; // a provider's subject that is no Ordo login: no account of ours to disable
        }
        return active(login, provider);
    }

    private static boolean names(Object aud, String expected) {
        if (aud instanceof String single) {
            return single.equals(expected);
        }
        return aud instanceof Collection<?> many && many.contains(expected);
    }

    private boolean active(Login login, boolean provider) {
        String key = (provider ? "idp:" : "own:") + login;
        long now = System.currentTimeMillis();
        long[] entry = checked.get(key);
        if (entry != null && now - entry[0] < CACHE_MILLIS) {
            return entry[1] == 1;
        }
        boolean active;
        try {
            active = provider ? !users.get().known(login) || users.get().active(login) : users.get().active(login);
        } catch (RuntimeException e) {
            active = provider; // e.g. a provider's tenant Ordo does not have
        }
        if (checked.size() > 10_000) {
            checked.clear();
        }
        checked.put(key, new long[]{now, active ? 1 : 0});
        return active;
    }
}
