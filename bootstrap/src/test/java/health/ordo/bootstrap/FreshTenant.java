package health.ordo.bootstrap;

import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A tenant of a test's own with a tenant admin {@code ada@…} and a supervisor {@code sam@…} (passwords {@link #ADA}, {@link #SAM}). */
final class FreshTenant {

    static final String ADA = "password-of-ada1";
    static final String SAM = "password-of-sam1";

    private FreshTenant() {
    }

    /** @return the new tenant's id ({@code prefix-} and six random characters) */
    static String provision(ProvisionTenantUseCase provision, String prefix) {
        String tenant = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        provision.provision(TenantId.of(tenant), prefix, List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse("ada@" + tenant), "Ada", ADA, Set.of(Role.TENANT_ADMIN)),
                new ProvisionTenantUseCase.NewUser(Login.parse("sam@" + tenant), "Sam", SAM, Set.of(Role.SUPERVISOR))));
        return tenant;
    }
}
