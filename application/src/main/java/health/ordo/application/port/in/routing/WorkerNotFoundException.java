package health.ordo.application.port.in.routing;

import health.ordo.application.port.in.NotFoundException;

/** The tenant has no worker profile for that login. */
public class WorkerNotFoundException extends NotFoundException {

    public WorkerNotFoundException(String login) {
        super("no worker " + login);
    }
}
