package health.ordo.application.port.in.approval;

import health.ordo.application.port.in.NotFoundException;

/** The tenant has no approval request of that id. */
public final class ApprovalNotFoundException extends NotFoundException {

    public ApprovalNotFoundException(String id) {
        super("no approval " + id);
    }
}
