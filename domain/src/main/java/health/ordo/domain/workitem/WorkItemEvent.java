package health.ordo.domain.workitem;

import health.ordo.domain.shared.TenantId;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a work item, named in the past tense. Events are recorded by the aggregate and
 * stored with the state change that caused them (outbox), so no event is lost and none is invented.
 */
public sealed interface WorkItemEvent {

    TenantId tenantId();

    WorkItemId workItemId();

    Instant occurredAt();

    Actor actor();

    /** Event name as published, e.g. {@code WorkItemCreated}. */
    default String eventType() {
        return getClass().getSimpleName();
    }

    /** Event-specific facts as text (never PHI): status, reason, resolution code. */
    Map<String, String> details();

    /** A work item entered Ordo. */
    record WorkItemCreated(TenantId tenantId, WorkItemId workItemId, Instant occurredAt, Actor actor,
                           WorkItemType type, SourceReference source, String queue) implements WorkItemEvent {
        @Override
        public Map<String, String> details() {
            return Map.of("type", type.name(), "sourceSystem", source.system(), "externalId", source.externalId(),
                    "queue", queue);
        }
    }

    /** A work item moved from one lifecycle state to another (claimed, started, put on hold, ...). */
    record WorkItemStatusChanged(TenantId tenantId, WorkItemId workItemId, Instant occurredAt, Actor actor,
                                 LifecycleAction action, WorkItemStatus from, String note) implements WorkItemEvent {

        @Override
        public String eventType() {
            return action.eventType();
        }

        @Override
        public Map<String, String> details() {
            return note == null
                    ? Map.of("action", action.verb(), "from", from.name(), "to", action.target().name())
                    : Map.of("action", action.verb(), "from", from.name(), "to", action.target().name(), "note", note);
        }
    }

    /** A person overrode the item's priority, an override was approved, or one expired. */
    record WorkItemPriorityChanged(TenantId tenantId, WorkItemId workItemId, Instant occurredAt, Actor actor,
                                   String eventType, String note) implements WorkItemEvent {

        @Override
        public Map<String, String> details() {
            return Map.of("note", note);
        }
    }

    /**
     * A business fact the source system reported with the record ({@code InvoiceReceived}, {@code SupplierApproved},
     * {@code EmployeeOnboarded}, {@code PaymentExceptionEscalated}), published next to Ordo's own events.
     */
    record SourceBusinessEvent(TenantId tenantId, WorkItemId workItemId, Instant occurredAt, Actor actor, String eventType,
                               Map<String, String> details) implements WorkItemEvent {

        public SourceBusinessEvent {
            details = Map.copyOf(details);
        }
    }
}
