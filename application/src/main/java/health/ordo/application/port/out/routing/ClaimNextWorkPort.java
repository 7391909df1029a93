package health.ordo.application.port.out.routing;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItem;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Claiming work at the database: row locks with {@code FOR UPDATE SKIP LOCKED}, inside the caller's transaction. */
public interface ClaimNextWorkPort {

    /**
     * Locks the best READY item of the queue (score desc, deadline asc, id) with size at most {@code maxSize} whose
     * skill requirements the skills meet (optional ones relaxed after their wait since arrival); rows locked by others
     * are skipped, never waited for.
     */
    Optional<WorkItem> lockNextReady(TenantId tenant, String queue, int maxSize, Map<String, Integer> skills);

    /** The tenants with CLAIMED items whose reservation expired before {@code now}, the one with the oldest first (unlocked). */
    List<TenantId> tenantsWithExpiredReservations(Instant now);

    /** The tenant's CLAIMED items whose reservation (per queue; default 15 minutes) expired before {@code now}, locked. */
    List<WorkItem> lockExpiredReservations(TenantId tenant, Instant now, int limit);
}
