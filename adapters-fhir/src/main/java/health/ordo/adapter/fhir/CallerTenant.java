package health.ordo.adapter.fhir;

import health.ordo.domain.shared.TenantId;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;

/** The tenant a caller's token carries; a token without one is refused. */
public final class CallerTenant {

    private CallerTenant() {
    }

    public static TenantId of(Authentication authentication) {
        if (authentication.getAttributes().get("tenant") instanceof String tenant) {
            return TenantId.of(tenant);
        }
        throw new AuthorizationException(authentication);
    }
}
