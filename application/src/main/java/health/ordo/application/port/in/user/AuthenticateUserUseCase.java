package health.ordo.application.port.in.user;

import java.util.Optional;

/** Checks a sign-in; empty when the login is unknown, disabled or the password is wrong (never says which). */
public interface AuthenticateUserUseCase {

    Optional<AuthenticatedUser> authenticate(String username, String password);
}
