package health.ordo.application.port.in.user;

import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;

import java.util.Set;

/** Who signed in, in which tenant, with which roles. */
public record AuthenticatedUser(Login login, String displayName, Set<Role> roles) {

    public AuthenticatedUser {
        roles = Set.copyOf(roles);
    }
}
