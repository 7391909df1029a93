package health.ordo.application.port.in.approval;

import health.ordo.domain.approval.ApprovalRequest;
import health.ordo.domain.approval.ApprovalSettings;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;

import java.util.List;
import java.util.UUID;

/** Maker-checker: the tenant's rules, the pending requests, and the second person's decision. */
public interface ManageApprovalsUseCase {

    ApprovalSettings settings(TenantId tenant);

    /** Tightening applies at once; loosening rules that are on is itself held for a second person. */
    ApprovalSettings updateSettings(ApprovalSettings settings, Actor maker);

    List<ApprovalRequest> list(TenantId tenant, ApprovalRequest.Status status, int limit);

    ApprovalRequest get(TenantId tenant, UUID id);

    /**
     * Approves and runs the held action in one transaction; the maker can never approve their own request, and only a
     * tenant admin decides on configuration ({@code tenantAdmin}: the checker's role).
     */
    ApprovalRequest approve(TenantId tenant, UUID id, Actor checker, boolean tenantAdmin, String note);

    ApprovalRequest reject(TenantId tenant, UUID id, Actor checker, boolean tenantAdmin, String note);
}
