package health.ordo.application.port.in.priority;

import health.ordo.application.port.in.NotFoundException;

/** The tenant has no such job. */
public final class JobNotFoundException extends NotFoundException {

    public JobNotFoundException(String id) {
        super("no job " + id);
    }
}
