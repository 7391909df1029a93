package health.ordo.adapter.web.security;

import health.ordo.application.port.in.client.ManageApiClientsUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A machine token (one with a {@code client_id} claim) is no credential once its client is revoked: the token is
 * invalid, so the request is unauthenticated (401), as for an expired token. Checked at most every
 * {@value #CACHE_MILLIS} ms per client.
 */
@Singleton
class RevokedClientTokens implements GenericJwtClaimsValidator<HttpRequest<?>> {

    static final long CACHE_MILLIS = 5_000;

    private final Provider<ManageApiClientsUseCase> clients;
    private final Map<String, long[]> checked = new ConcurrentHashMap<>();

    RevokedClientTokens(Provider<ManageApiClientsUseCase> clients) {
        this.clients = clients;
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        return !(claims.get("client_id") instanceof String clientId) || active(clientId);
    }

    private boolean active(String clientId) {
        long now = System.currentTimeMillis();
        long[] entry = checked.get(clientId);
        if (entry != null && now - entry[0] < CACHE_MILLIS) {
            return entry[1] == 1;
        }
        boolean active = clients.get().active(clientId);
        checked.put(clientId, new long[]{now, active ? 1 : 0});
        return active;
    }
}
