package health.ordo.application.port.out.priority;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItem;

import java.time.Instant;
import java.util.List;

/**
 * Batches of stored items for re-scoring, claimed with {@code FOR UPDATE SKIP LOCKED} inside the caller's
 * transaction so that concurrent nodes never take the same rows.
 */
public interface RescoringPort {

    /** The tenants with open items last scored before {@code scoredBefore}, the one with the oldest first (unlocked). */
    List<TenantId> tenantsScoredBefore(Instant scoredBefore);

    /** Open items of one tenant last scored before {@code scoredBefore}. */
    List<WorkItem> claimScoredBefore(TenantId tenant, Instant scoredBefore, int limit);

    /** The tenants with items whose override expiry has passed (unlocked). */
    List<TenantId> tenantsWithOverridesDue(Instant now);

    /** The tenant's items whose override expiry has passed. */
    List<WorkItem> claimOverridesDue(TenantId tenant, Instant now, int limit);

    /** How many open items of the tenant were last scored before the instant. */
    long countScoredBefore(TenantId tenant, Instant scoredBefore);

    /** Writes new scores, explanations and overrides (not the rest of the item) in one batched statement. */
    void saveScores(List<WorkItem> items, Instant scoredAt);

    /** Open items of a tenant (optionally of one type) for simulation, up to {@code limit}. */
    List<WorkItem> loadOpen(TenantId tenant, health.ordo.domain.workitem.WorkItemType type, int limit);

    /** Open items of one queue of a tenant (optionally of one type), up to {@code limit}: a what-if's queue. */
    List<WorkItem> loadOpenInQueue(TenantId tenant, String queue, health.ordo.domain.workitem.WorkItemType type, int limit);
}
