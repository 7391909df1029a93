package health.ordo.application.port.out.user;

import health.ordo.domain.user.Login;

/** Changes a stored user account. */
public interface UpdateUserAccountPort {

    /** @return whether the account exists (and now has that state) */
    boolean setEnabled(Login login, boolean enabled);
}
