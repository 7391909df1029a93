package health.ordo.application.port.out.approval;

import health.ordo.domain.approval.ApprovalRequest;
import health.ordo.domain.approval.ApprovalSettings;
import health.ordo.domain.shared.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Maker-checker state. Parameters whose name starts with {@code secret.} are stored encrypted and come back in clear
 * only through {@link #lock} (to the approved action), never through {@link #list} or {@link #find}.
 */
public interface ApprovalPort {

    Optional<ApprovalSettings> settings(TenantId tenant);

    void saveSettings(ApprovalSettings settings);

    void insert(ApprovalRequest request);

    void update(ApprovalRequest request);

    /** The request with its secrets in clear, row-locked for the decision. */
    Optional<ApprovalRequest> lock(TenantId tenant, UUID id);

    Optional<ApprovalRequest> find(TenantId tenant, UUID id);

    List<ApprovalRequest> list(TenantId tenant, ApprovalRequest.Status status, int limit);

    /** Tenants with a request still pending that was made before {@code cutoff} (an unlocked read; platform round). */
    List<TenantId> tenantsWithPendingBefore(Instant cutoff);

    /**
     * Up to {@code limit} of the tenant's requests pending since before {@code cutoff}, row-locked, skipping rows another
     * node holds; without their secrets.
     */
    List<ApprovalRequest> lockPendingBefore(TenantId tenant, Instant cutoff, int limit);
}
