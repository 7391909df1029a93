package health.ordo.adapter.web.security;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;

/**
 * Who is calling and for which tenant, read from the verified JWT; every use-case call is scoped by it. SUPERVISOR and
 * TENANT_ADMIN act as supervisors (may act on work assigned to others).
 */
public record Caller(TenantId tenant, Actor actor) {

    /** Claim that carries the tenant id. */
    public static final String TENANT_CLAIM = "tenant";

    public static Caller of(Authentication authentication) {
        Object tenant = authentication.getAttributes().get(TENANT_CLAIM);
        if (!(tenant instanceof String value) || value.isBlank()) {
            throw new AuthorizationException(authentication);
        }
        boolean supervisor = authentication.getRoles().contains("SUPERVISOR") || authentication.getRoles().contains("TENANT_ADMIN");
        return new Caller(TenantId.of(value), new Actor(authentication.getName(), supervisor));
    }
}
