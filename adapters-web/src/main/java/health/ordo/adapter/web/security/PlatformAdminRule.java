package health.ordo.adapter.web.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/**
 * A platform admin operates tenants and never sees tenant work data: with PLATFORM_ADMIN as the only role, every
 * {@code /api/v1} path but {@code /api/v1/tenants…} (and the deployment's code sets) is refused before any other rule is asked.
 */
@Singleton
class PlatformAdminRule implements SecurityRule<HttpRequest<?>> {

    /** The deployment's code sets (public reference data, no tenant's), which the platform admin loads. */
    static final String DEPLOYMENT_CODE_SETS = "/api/v1/code-sets/deployment";

    /** Before the annotation rules, which would otherwise allow {@code IS_AUTHENTICATED} endpoints. */
    static final int ORDER = -1_000;

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication == null || !authentication.getRoles().contains("PLATFORM_ADMIN") || authentication.getRoles().size() > 1) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        String path = request.getPath();
        if (path.startsWith("/api/") && !path.startsWith("/api/v1/tenants") && !path.equals(DEPLOYMENT_CODE_SETS)) {
            return Publishers.just(SecurityRuleResult.REJECTED);
        }
        return Publishers.just(SecurityRuleResult.UNKNOWN);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
