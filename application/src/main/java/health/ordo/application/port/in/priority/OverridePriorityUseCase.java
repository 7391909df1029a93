package health.ordo.application.port.in.priority;

import health.ordo.domain.score.OverrideTarget;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemId;

import java.time.Instant;
import java.util.UUID;

/**
 * A supervisor moves an item regardless of its computed score. The reason code must be one of the tenant's; an
 * override larger than the tenant's threshold needs a second supervisor's approval. Who may call it is checked
 * by the caller's roles at the edge.
 */
public interface OverridePriorityUseCase {

    WorkItem requestOverride(TenantId tenant, WorkItemId id, OverrideTarget target, String reasonCode, String comment,
                             Instant expiresAt, Actor actor);

    /**
     * A worker asks for a priority change of an item assigned to them: whatever its size it waits for a supervisor's
     * approval, and it is refused while another override is in place on the item (a request never displaces a
     * supervisor's override).
     */
    WorkItem requestOverrideForApproval(TenantId tenant, WorkItemId id, OverrideTarget target, String reasonCode, String comment,
                                        Instant expiresAt, Actor actor);

    WorkItem approveOverride(TenantId tenant, WorkItemId id, UUID overrideId, Actor actor);
}
