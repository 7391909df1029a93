package health.ordo.application.port.out.sla;

import health.ordo.application.port.in.sla.GetSlaQuery;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.sla.BusinessCalendar;
import health.ordo.domain.sla.SlaPolicy;
import health.ordo.domain.workitem.HistoryEntry;
import health.ordo.domain.workitem.WorkItemId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Escalation timers as rows in PostgreSQL; due ones are claimed with {@code FOR UPDATE SKIP LOCKED}. */
public interface SlaTimerPort {

    /** A timer: fire {@code stage} for the item at {@code dueAt}. */
    record Timer(UUID id, TenantId tenant, WorkItemId workItemId, String stage, Instant dueAt) {
    }

    /** Replaces the item's unfired timers (fired ones stay as the record of what happened). */
    void replacePending(TenantId tenant, WorkItemId id, List<Timer> timers);

    /** The first timers of items stored in the caller's unit of work, which have none to replace (of any items). */
    void addPending(List<Timer> timers);

    /** The tenants with unfired timers due at or before {@code now}, the one whose oldest is due first first (unlocked). */
    List<TenantId> tenantsWithDue(Instant now);

    /** The tenant's unfired timers due at or before {@code now}, oldest first, locked for this transaction. */
    List<Timer> claimDue(TenantId tenant, Instant now, int limit);

    void markFired(TenantId tenant, UUID timerId, Instant firedAt, boolean late);

    /** Drops a claimed timer that no longer applies (the clock moved). */
    void delete(TenantId tenant, UUID timerId);

    void insert(Timer timer);

    List<GetSlaQuery.FiredEscalation> fired(TenantId tenant, WorkItemId id);

    /**
     * Everything re-planning an item's clock reads, in one round trip: the tenant's SLA policy versions and calendars,
     * the item's history and its fired escalations.
     */
    ClockInputs clockInputs(TenantId tenant, WorkItemId id);

    /** What {@link #clockInputs} answers; calendars by id. */
    record ClockInputs(List<SlaPolicy> policies, Map<String, BusinessCalendar> calendars, List<HistoryEntry> history,
                       List<GetSlaQuery.FiredEscalation> fired) {
    }

    /** Keeps the item's SLA state and deadline on the item row for list filters (sent with the commit). */
    void updateItemSla(TenantId tenant, WorkItemId id, String state, Instant deadlineAt);
}
