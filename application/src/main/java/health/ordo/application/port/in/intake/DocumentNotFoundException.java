package health.ordo.application.port.in.intake;

import health.ordo.application.port.in.NotFoundException;

/** The tenant has no such document. */
public final class DocumentNotFoundException extends NotFoundException {

    public DocumentNotFoundException(String id) {
        super("no intake document " + id + " in this tenant");
    }
}
