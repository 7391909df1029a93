package health.ordo.adapter.web.security;

import health.ordo.application.port.in.client.ManageApiClientsUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Machine tokens (those with a {@code client_id} claim) stop working once their client is revoked (checked at most every
 * {@value #CACHE_MILLIS} ms per client), and do only what their scopes allow: {@code read} for GET, {@code ingest} for
 * anything that writes.
 */
@Singleton
class MachineTokenRule implements SecurityRule<HttpRequest<?>> {

    static final long CACHE_MILLIS = 5_000;

    private final Provider<ManageApiClientsUseCase> clients;
    private final Map<String, long[]> checked = new ConcurrentHashMap<>();

    MachineTokenRule(Provider<ManageApiClientsUseCase> clients) {
        this.clients = clients;
    }

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication == null || !(authentication.getAttributes().get("client_id") instanceof String clientId)) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        if (!active(clientId)) {
            return Publishers.just(SecurityRuleResult.REJECTED);
        }
        Object scope = authentication.getAttributes().get("scope");
        Set<String> scopes = scope == null ? Set.of() : Arrays.stream(scope.toString().split(" ")).collect(Collectors.toSet());
        boolean reads = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        if (!scopes.contains(reads ? "read" : "ingest")) {
            return Publishers.just(SecurityRuleResult.REJECTED);
        }
        return Publishers.just(SecurityRuleResult.UNKNOWN);
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

    @Override
    public int getOrder() {
        return PlatformAdminRule.ORDER + 1;
    }
}
