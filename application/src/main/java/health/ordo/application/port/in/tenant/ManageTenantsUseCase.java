package health.ordo.application.port.in.tenant;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.tenant.Branding;

import java.time.Instant;
import java.util.List;

/** What the platform admin does with tenants, and what a tenant does with its branding. */
public interface ManageTenantsUseCase {

    /** A tenant as the platform admin sees it (no work data). */
    record TenantSummary(String id, String name, Instant createdAt) {
    }

    /** The first admin of a new tenant; the username is {@code user@<slug>}. */
    record FirstAdmin(String username, String password, String displayName) {
    }

    /**
     * Creates the tenant, its first TENANT_ADMIN, a default business calendar (Monday to Friday 08:00–17:00 in
     * {@code timeZone}) and default SLA policies; the built-in priority policy applies until the tenant activates its own.
     *
     * @throws TenantExistsException when the slug is taken
     * @throws health.ordo.domain.shared.InvalidValueException naming the field at fault
     */
    TenantSummary create(String slug, String name, FirstAdmin admin, String timeZone);

    List<TenantSummary> list();

    /** @throws TenantNotFoundException when there is no such tenant */
    Branding branding(TenantId tenant);

    Branding brand(Branding branding);
}
