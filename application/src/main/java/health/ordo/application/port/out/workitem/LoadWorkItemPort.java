package health.ordo.application.port.out.workitem;

import health.ordo.application.port.out.sla.SlaTimerPort;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.HistoryEntry;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemId;

import java.util.List;
import java.util.Optional;

/** Loads stored work items of one tenant. */
public interface LoadWorkItemPort {

    Optional<WorkItem> load(TenantId tenant, WorkItemId id);

    /** Loads and locks the item until the current transaction ends, so concurrent changes queue up. */
    Optional<WorkItem> loadForUpdate(TenantId tenant, WorkItemId id);

    /**
     * {@link #loadForUpdate}, with the item's SLA clock inputs read after the lock in the same round trip: for a change
     * that will move its clock (hold, resume, completion, cancellation). An adapter that cannot read both at once
     * answers {@code clock} null, and the clock's inputs are then read on their own.
     */
    default Optional<LockedForClock> loadForUpdateWithClock(TenantId tenant, WorkItemId id) {
        return loadForUpdate(tenant, id).map(item -> new LockedForClock(item, null));
    }

    /** What {@link #loadForUpdateWithClock} answers; {@code clock} null when it was not read with the lock. */
    record LockedForClock(WorkItem item, SlaTimerPort.ClockInputs clock) {
    }

    Optional<WorkItem> loadBySource(TenantId tenant, SourceReference source);

    /** The tenant's items from these source records, by source record (one read for a batch; absent ones are missing). */
    java.util.Map<SourceReference, WorkItem> loadBySources(TenantId tenant, List<SourceReference> sources);

    /** History, oldest entry first. */
    List<HistoryEntry> loadHistory(TenantId tenant, WorkItemId id);
}
