package health.ordo.application.port.in.user;

import health.ordo.application.port.in.NotFoundException;

/** The tenant has no user of that login. */
public final class UserNotFoundException extends NotFoundException {

    public UserNotFoundException(String login) {
        super("no user " + login + " in this tenant");
    }
}
