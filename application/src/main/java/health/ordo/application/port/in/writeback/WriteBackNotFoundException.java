package health.ordo.application.port.in.writeback;

import health.ordo.application.port.in.NotFoundException;

/** The tenant has no write-back of that id. */
public class WriteBackNotFoundException extends NotFoundException {

    public WriteBackNotFoundException(String id) {
        super("no write-back " + id);
    }
}
