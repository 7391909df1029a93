package health.ordo.adapter.persistence.workitem;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.out.workitem.AppendEventsPort;
import health.ordo.domain.workitem.WorkItemEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** Appends domain events to the outbox table in the caller's transaction, sent with its commit. */
@Singleton
class JdbcOutboxAdapter implements AppendEventsPort {

    private static final String INSERT = """
            insert into outbox_event (tenant_id, event_id, event_type, aggregate_type, aggregate_id, occurred_at, actor, payload)
            values """;
    private static final String ROW = "(?, ?, ?, 'WorkItem', ?, ?, ?, ?::jsonb)";
    /** Events of one multi-row insert: 7 parameters each, well under the protocol's 32,767 per statement. */
    static final int EVENTS_PER_INSERT = 2_000;

    private final JdbcOperations jdbc;
    private final FlatJson json;

    JdbcOutboxAdapter(JdbcOperations jdbc, FlatJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void append(List<WorkItemEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        // one statement for the change's events (or a batch's), held for the unit's next statement or its commit
        // (consumers read the outbox in their own transactions, after this one commits)
        for (int from = 0; from < events.size(); from += EVENTS_PER_INSERT) {
            List<WorkItemEvent> chunk = events.subList(from, Math.min(events.size(), from + EVENTS_PER_INSERT));
            List<Object> params = new ArrayList<>(chunk.size() * 7);
            for (WorkItemEvent event : chunk) {
                params.addAll(Arrays.asList(event.tenantId().value(), UUID.randomUUID(), event.eventType(), event.workItemId().value(),
                        event.occurredAt(), event.actor().name(), json.write(event.details())));
            }
            Sql.defer(jdbc, INSERT + String.join(", ", Collections.nCopies(chunk.size(), ROW)), params.toArray());
        }
    }
}
