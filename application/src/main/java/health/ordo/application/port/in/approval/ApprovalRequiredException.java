package health.ordo.application.port.in.approval;

import health.ordo.domain.approval.ApprovalRequest;

/**
 * The action was not carried out: the tenant's maker-checker rules hold it for a second person. The pending request
 * is stored (answered {@code 202 Accepted} with its location); approving it runs the action.
 */
public final class ApprovalRequiredException extends RuntimeException {

    private final transient ApprovalRequest request;

    public ApprovalRequiredException(ApprovalRequest request) {
        super(request.kind() + " needs the approval of a second person: approval " + request.id());
        this.request = request;
    }

    public ApprovalRequest request() {
        return request;
    }
}
