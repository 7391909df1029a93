package health.ordo.application.port.in.user;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;

import java.util.List;
import java.util.Set;

/** Creates a tenant with its first users; doing it again for an existing tenant changes nothing. */
public interface ProvisionTenantUseCase {

    /** @return true when the tenant was created now, false when it already existed */
    boolean provision(TenantId tenant, String name, List<NewUser> users);

    /** A user to create, with the password in clear (hashed before it is stored). */
    record NewUser(Login login, String displayName, String password, Set<Role> roles) {

        @Override
        public String toString() {
            return "NewUser[" + login + ", roles=" + roles + "]";
        }
    }
}
