package health.ordo.application.port.out.user;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.UserAccount;

/** Stores tenants and their user accounts. */
public interface SaveTenantPort {

    /** @return true when created, false when the tenant already existed */
    boolean createTenantIfAbsent(TenantId tenant, String name);

    /** Adds the account unless its login exists already. */
    void createUserAccountIfAbsent(UserAccount account);
}
