package health.ordo.application.port.in.routing;

import health.ordo.application.port.in.NotFoundException;

/** The tenant has no queue of that id (neither configured nor holding any item). */
public class QueueNotFoundException extends NotFoundException {

    public QueueNotFoundException(String id) {
        super("no queue " + id);
    }
}
