package health.ordo.application.port.out.user;

import health.ordo.domain.user.Login;
import health.ordo.domain.user.UserAccount;

import java.util.Optional;

/** Finds a user account by login. */
public interface LoadUserAccountPort {

    Optional<UserAccount> loadUserAccount(Login login);
}
