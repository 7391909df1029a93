package health.ordo.application.port.out.sla;

import health.ordo.application.port.in.sla.GetSlaQuery;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItemId;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Escalation timers as rows in PostgreSQL; due ones are claimed with {@code FOR UPDATE SKIP LOCKED}. */
public interface SlaTimerPort {

    /** A timer: fire {@code stage} for the item at {@code dueAt}. */
    record Timer(UUID id, TenantId tenant, WorkItemId workItemId, String stage, Instant dueAt) {
    }

    /** Replaces the item's unfired timers (fired ones stay as the record of what happened). */
    void replacePending(TenantId tenant, WorkItemId id, List<Timer> timers);

    /** Unfired timers due at or before {@code now}, oldest first, locked for this transaction. */
    List<Timer> claimDue(Instant now, int limit);

    void markFired(UUID timerId, Instant firedAt, boolean late);

    /** Drops a claimed timer that no longer applies (the clock moved). */
    void delete(UUID timerId);

    void insert(Timer timer);

    List<GetSlaQuery.FiredEscalation> fired(TenantId tenant, WorkItemId id);

    /** Keeps the item's SLA state and deadline on the item row for list filters. */
    void updateItemSla(TenantId tenant, WorkItemId id, String state, Instant deadlineAt);
}
