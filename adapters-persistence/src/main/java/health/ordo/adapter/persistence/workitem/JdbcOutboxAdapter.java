package health.ordo.adapter.persistence.workitem;

import health.ordo.application.port.out.workitem.AppendEventsPort;
import health.ordo.domain.workitem.WorkItemEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Appends domain events to the outbox table in the caller's transaction (one batched insert). */
@Singleton
class JdbcOutboxAdapter implements AppendEventsPort {

    private static final String INSERT = """
            insert into outbox_event (tenant_id, event_id, event_type, aggregate_type, aggregate_id, occurred_at, actor, payload)
            values (?, ?, ?, 'WorkItem', ?, ?, ?, ?::jsonb)""";

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
        jdbc.prepareStatement(INSERT, (PreparedStatement statement) -> {
            for (WorkItemEvent event : events) {
                statement.setString(1, event.tenantId().value());
                statement.setObject(2, UUID.randomUUID());
                statement.setString(3, event.eventType());
                statement.setObject(4, event.workItemId().value());
                statement.setObject(5, event.occurredAt().atOffset(ZoneOffset.UTC));
                statement.setString(6, event.actor().name());
                statement.setString(7, json.write(event.details()));
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }
}
