package health.ordo.application.service.approval;

import health.ordo.application.port.in.approval.ApprovalRequiredException;
import health.ordo.application.port.out.approval.ApprovalPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.approval.ApprovalKind;
import health.ordo.domain.approval.ApprovalRequest;
import health.ordo.domain.approval.ApprovalSettings;
import health.ordo.domain.shared.TenantId;

import java.time.Clock;
import java.util.Map;

/** Where a use case asks whether its action needs a second person, and holds it if so. */
public final class ApprovalGate {

    private final ApprovalPort approvals;
    private final TransactionPort transactions;
    private final Clock clock;

    public ApprovalGate(ApprovalPort approvals, TransactionPort transactions, Clock clock) {
        this.approvals = approvals;
        this.transactions = transactions;
        this.clock = clock;
    }

    public ApprovalSettings settings(TenantId tenant) {
        return transactions.readOnly(tenant, () -> approvals.settings(tenant).orElse(ApprovalSettings.none(tenant)));
    }

    /**
     * Stores a pending request for the action (joining the caller's transaction, if any) and returns the exception to
     * throw once that transaction has committed.
     */
    public ApprovalRequiredException hold(TenantId tenant, ApprovalKind kind, String subject, String summary,
                                          Map<String, String> parameters, String maker) {
        ApprovalRequest request = ApprovalRequest.pending(tenant, kind, subject, summary, parameters, maker, clock.instant());
        transactions.inTransaction(tenant, () -> {
            approvals.insert(request);
            return null;
        });
        return new ApprovalRequiredException(request.withoutSecrets());
    }
}
