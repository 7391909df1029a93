package health.ordo.application.port.in.user;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;

/** Turns a user's access off and on; a disabled user signs in no more and their live tokens stop working. */
public interface ManageUserAccessUseCase {

    /**
     * @throws UserNotFoundException when the tenant has no such user
     */
    void setEnabled(TenantId tenant, Login login, boolean enabled);

    /** Whether tokens of this user may still be honoured: the user exists and is enabled. */
    boolean active(Login login);

    /** Whether Ordo holds an account of this login (a user of an identity provider may have none). */
    boolean known(Login login);
}
