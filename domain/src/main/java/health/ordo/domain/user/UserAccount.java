package health.ordo.domain.user;

import health.ordo.domain.shared.InvalidValueException;

import java.util.Set;

/** A person who may sign in: login, display name, the hash of the password (never the password) and roles. */
public record UserAccount(Login login, String displayName, String passwordHash, Set<Role> roles, boolean enabled) {

    public UserAccount {
        InvalidValueException.require(login != null, "username", "username is required");
        InvalidValueException.require(passwordHash != null && !passwordHash.isBlank(), "password", "password hash is required");
        InvalidValueException.require(roles != null && !roles.isEmpty(), "roles", "a user holds at least one role");
        roles = Set.copyOf(roles);
        displayName = displayName == null || displayName.isBlank() ? login.user() : displayName;
    }
}
