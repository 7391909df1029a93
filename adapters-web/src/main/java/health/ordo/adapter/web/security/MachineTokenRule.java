package health.ordo.adapter.web.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Machine tokens (those with a {@code client_id} claim) do only what their scopes allow: {@code read} for GET,
 * {@code ingest} for anything that writes (a revoked client's tokens are no credentials at all: {@link RevokedClientTokens}).
 */
@Singleton
class MachineTokenRule implements SecurityRule<HttpRequest<?>> {

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication == null || !(authentication.getAttributes().get("client_id") instanceof String)) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        Object scope = authentication.getAttributes().get("scope");
        Set<String> scopes = scope == null ? Set.of() : Arrays.stream(scope.toString().split(" ")).collect(Collectors.toSet());
        boolean reads = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        if (!scopes.contains(reads ? "read" : "ingest")) {
            return Publishers.just(SecurityRuleResult.REJECTED);
        }
        return Publishers.just(SecurityRuleResult.UNKNOWN);
    }

    @Override
    public int getOrder() {
        return PlatformAdminRule.ORDER + 1;
    }
}
