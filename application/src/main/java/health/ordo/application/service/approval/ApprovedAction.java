package health.ordo.application.service.approval;

import health.ordo.domain.approval.ApprovalRequest;
import health.ordo.domain.workitem.Actor;

/** Runs an approved action from the request's parameters; returns a one-line outcome for the record. */
@FunctionalInterface
public interface ApprovedAction {

    String run(ApprovalRequest request, Actor checker);
}
