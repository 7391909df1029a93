package health.ordo.adapter.persistence.event;

import health.ordo.adapter.persistence.Sql;
import health.ordo.adapter.persistence.workitem.FlatJson;
import health.ordo.application.port.out.event.EventStorePort;
import health.ordo.domain.event.PublishedEvent;
import health.ordo.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * The relay and the feed. The relay runs tenant by tenant and holds a transaction-scoped advisory lock per tenant, so one
 * node at a time numbers a tenant's events: its positions then follow one sequence, and a reader who saw position n can
 * never later find a smaller one appear (the next relay of the tenant waits for this one's commit; so does the next
 * numbering across tenants, on the {@code event_relay_counter} row). Events of one work item reach the outbox in the order their changes
 * committed (the item's row lock orders them), and the relay keeps outbox order, so a subject's events keep their order.
 * Each event also gets its place in one order across tenants ({@code relay_seq}), which the Kafka stream follows.
 */
@Singleton
class JdbcEventStore implements EventStorePort {

    static final String COLUMNS = "o.event_id, o.tenant_id, o.event_type, o.aggregate_type, o.aggregate_id, o.occurred_at, o.actor, "
            + "o.position, o.payload::text as payload";

    private static final String RELAY = """
            with batch0 as (
                select seq, tenant_id from outbox_event where tenant_id = ? and published_at is null order by seq limit ?
                for update skip locked),
            total as (select count(*) as c from batch0),
            batch as (
                select seq, tenant_id, row_number() over (partition by tenant_id order by seq) as n,
                       count(*) over (partition by tenant_id) as c, row_number() over (order by seq) as g
                from batch0),
            counted as (select tenant_id, max(c) as c from batch group by tenant_id),
            counters as (
                insert into event_feed_counter as f (tenant_id, last_position) select tenant_id, c from counted
                on conflict (tenant_id) do update set last_position = f.last_position + excluded.last_position
                returning f.tenant_id, f.last_position),
            overall as (
                update event_relay_counter set last_relay_seq = last_relay_seq + (select c from total)
                where (select c from total) > 0
                returning last_relay_seq - (select c from total) as base),
            published as (
                update outbox_event o set position = k.last_position - b.c + b.n, relay_seq = (select base from overall) + b.g,
                       published_at = ?
                from batch b join counters k on k.tenant_id = b.tenant_id
                where o.tenant_id = b.tenant_id and o.seq = b.seq
                returning o.tenant_id, o.event_id, o.event_type, o.aggregate_id, o.position),
            queued as (
                insert into webhook_delivery (tenant_id, subscription_id, event_id, position, subject, event_type, status,
                                              next_attempt_at, created_at)
                select p.tenant_id, s.id, p.event_id, p.position, p.aggregate_id::text, p.event_type, 'PENDING', ?, ?
                from published p
                join webhook_subscription s on s.tenant_id = p.tenant_id and s.enabled and s.deleted_at is null
                     and (cardinality(s.event_types) = 0 or p.event_type = any (s.event_types))
                returning 1)
            select (select count(*) from published) as events, (select count(*) from queued) as deliveries""";

    private final JdbcOperations jdbc;
    private final FlatJson json;

    JdbcEventStore(JdbcOperations jdbc, FlatJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<TenantId> tenantsWithUnrelayed() {
        return Sql.query(jdbc, "select tenant_id from outbox_event where published_at is null group by tenant_id order by min(seq)",
                rs -> TenantId.of(rs.getString(1)));
    }

    @Override
    public Relayed relayNext(TenantId tenant, int limit, Instant now) {
        boolean mine = Sql.query(jdbc, "select pg_try_advisory_xact_lock(hashtext('ordo:event-relay/' || ?))", rs -> rs.getBoolean(1),
                tenant.value()).get(0);
        if (!mine) {
            return new Relayed(0, 0);
        }
        return Sql.query(jdbc, RELAY, rs -> new Relayed(rs.getInt("events"), rs.getInt("deliveries")), tenant.value(), limit, now, now,
                now).get(0);
    }

    @Override
    public List<PublishedEvent> feed(TenantId tenant, long after, Set<String> types, int limit) {
        if (types.isEmpty()) {
            return Sql.query(jdbc, "select " + COLUMNS + " from outbox_event o where o.tenant_id = ? and o.position > ? "
                    + "order by o.position limit ?", this::event, tenant.value(), after, limit);
        }
        return Sql.query(jdbc, "select " + COLUMNS + " from outbox_event o where o.tenant_id = ? and o.position > ? "
                + "and o.event_type = any (?) order by o.position limit ?", this::event, tenant.value(), after, types.toArray(String[]::new), limit);
    }

    @Override
    public OptionalLong lockStream(String stream, Instant now) {
        boolean mine = Sql.query(jdbc, "select pg_try_advisory_xact_lock(hashtext('ordo:event-stream/' || ?))", rs -> rs.getBoolean(1),
                stream).get(0);
        if (!mine) {
            return OptionalLong.empty();
        }
        Sql.update(jdbc, "insert into event_stream_cursor (stream, last_relay_seq, updated_at) values (?, 0, ?) on conflict do nothing",
                stream, now);
        return OptionalLong.of(Sql.query(jdbc, "select last_relay_seq from event_stream_cursor where stream = ?", rs -> rs.getLong(1), stream)
                .get(0));
    }

    @Override
    public List<Relayed.InOrder> relayedAfter(long relaySeq, int limit) {
        return Sql.query(jdbc, "select o.relay_seq, " + COLUMNS + " from outbox_event o where o.relay_seq > ? order by o.relay_seq limit ?",
                rs -> new Relayed.InOrder(rs.getLong("relay_seq"), event(rs)), relaySeq, limit);
    }

    @Override
    public void advanceStream(String stream, long relaySeq, Instant now) {
        Sql.update(jdbc, "update event_stream_cursor set last_relay_seq = ?, updated_at = ? where stream = ?", relaySeq, now, stream);
    }

    PublishedEvent event(ResultSet rs) throws SQLException {
        return new PublishedEvent(rs.getObject("event_id", UUID.class), TenantId.of(rs.getString("tenant_id")), rs.getString("event_type"),
                rs.getString("aggregate_type"), rs.getString("aggregate_id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getLong("position"), json.read(rs.getString("payload")));
    }
}
