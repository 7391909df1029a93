package health.ordo.application.port.in.workitem;

import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemStatus;
import health.ordo.domain.workitem.WorkItemType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A search over a tenant's work items: every condition must hold (AND), each condition holds when any of its values does
 * (OR), the way standard search APIs such as FHIR's combine repeated and comma-separated parameters.
 *
 * @param conditions all must hold; empty matches every item
 * @param order      the order of the results; paging is by keyset in that order
 */
public record WorkItemSearch(List<Condition> conditions, Order order) {

    public WorkItemSearch {
        conditions = List.copyOf(conditions);
        if (order == null) {
            order = Order.BACKLOG;
        }
    }

    /** One criterion. Records, not strings: the persistence adapter maps each to SQL with bound parameters only. */
    public sealed interface Condition {
    }

    /** Any of these conditions holds (an empty list matches nothing). */
    public record AnyOf(List<Condition> any) implements Condition {
        public AnyOf {
            any = List.copyOf(any);
        }
    }

    /** The item id is one of these (an empty set matches nothing). */
    public record IdIn(Set<UUID> ids) implements Condition {
        public IdIn {
            ids = Set.copyOf(ids);
        }
    }

    public record StatusIn(Set<WorkItemStatus> statuses) implements Condition {
        public StatusIn {
            statuses = Set.copyOf(statuses);
        }
    }

    public record TypeIn(Set<WorkItemType> types) implements Condition {
        public TypeIn {
            types = Set.copyOf(types);
        }
    }

    /** The SLA clock's state (RUNNING, AT_RISK, PAUSED, BREACHED, MET, CANCELLED) is one of these. */
    public record SlaStateIn(Set<String> states) implements Condition {
        public SlaStateIn {
            states = Set.copyOf(states);
        }
    }

    public record AssigneeIn(Set<String> logins) implements Condition {
        public AssigneeIn {
            logins = Set.copyOf(logins);
        }
    }

    public record SourceSystemIn(Set<String> systems) implements Condition {
        public SourceSystemIn {
            systems = Set.copyOf(systems);
        }
    }

    /**
     * The item's source record is one of these.
     *
     * @param sources external ids, each with its source system or null for any system
     */
    public record SourceIn(List<SourceKey> sources) implements Condition {
        public SourceIn {
            sources = List.copyOf(sources);
        }
    }

    /** @param system the source system, null for any */
    public record SourceKey(String system, String externalId) {
    }

    /** The instant held in {@code field} lies in [from, until); either end may be open (null). */
    public record TimeIn(TimeField field, Instant from, Instant until) implements Condition {
    }

    /** The priority score lies in any of these [from, until) bands. */
    public record ScoreIn(List<Band> bands) implements Condition {
        public ScoreIn {
            bands = List.copyOf(bands);
        }
    }

    /** @param from inclusive, null for no lower bound; @param until exclusive, null for no upper bound */
    public record Band(BigDecimal from, BigDecimal until) {
    }

    public enum TimeField {
        /** when the item last changed */
        UPDATED,
        /** when the item was created */
        CREATED,
        /** when work on it began (claimed), absent until then */
        STARTED
    }

    public enum Order {
        /** the backlog order of {@link ListWorkItemsQuery}: score desc, binding deadline asc, id */
        BACKLOG,
        UPDATED_ASC, UPDATED_DESC, CREATED_ASC, CREATED_DESC;

        public boolean byTime() {
            return this != BACKLOG;
        }

        public TimeField field() {
            return switch (this) {
                case UPDATED_ASC, UPDATED_DESC -> TimeField.UPDATED;
                case CREATED_ASC, CREATED_DESC -> TimeField.CREATED;
                case BACKLOG -> null;
            };
        }

        public boolean descending() {
            return this == UPDATED_DESC || this == CREATED_DESC;
        }
    }

    /**
     * Position after an item in a search's order: the backlog keys for {@link Order#BACKLOG}, the time and id for the
     * others. Opaque and URL-safe once encoded.
     */
    public record Cursor(PageCursor backlog, Instant at, UUID id) {

        public static Cursor after(WorkItem item, Order order) {
            if (!order.byTime()) {
                return new Cursor(PageCursor.after(item), null, item.id().value());
            }
            Instant at = order.field() == TimeField.UPDATED ? item.updatedAt() : item.createdAt();
            return new Cursor(null, at, item.id().value());
        }

        public String encode() {
            if (backlog != null) {
                return backlog.encode();
            }
            String raw = "t|" + at + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        /** @param order the order the cursor must have been issued for */
        public static Cursor decode(String token, Order order) {
            if (!order.byTime()) {
                PageCursor backlog = PageCursor.decode(token);
                return new Cursor(backlog, null, backlog.id());
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
                if (parts.length != 3 || !parts[0].equals("t")) {
                    throw new IllegalArgumentException("not a time cursor");
                }
                return new Cursor(null, Instant.parse(parts[1]), UUID.fromString(parts[2]));
            } catch (RuntimeException e) {
                throw new InvalidValueException("cursor", "cursor is not one this API issued for this sort order");
            }
        }
    }
}
