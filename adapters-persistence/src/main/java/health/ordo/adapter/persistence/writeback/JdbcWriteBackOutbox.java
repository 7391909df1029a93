package health.ordo.adapter.persistence.writeback;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.in.writeback.WriteBack;
import health.ordo.application.port.out.writeback.WriteBackOutboxPort;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItemId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** {@code write_back} rows; due ones are leased with {@code FOR UPDATE SKIP LOCKED}. */
@Singleton
class JdbcWriteBackOutbox implements WriteBackOutboxPort {

    private final JdbcOperations jdbc;

    JdbcWriteBackOutbox(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void enqueue(WriteBack w) {
        insert(w, "");
    }

    @Override
    public void enqueueIfConnector(WriteBack w) {
        // a disabled connector still counts: its write-backs wait (NOT_CONFIGURED, retried) until it is enabled again;
        // an item's own connector when one brought it in
        insert(w, " where exists (select 1 from connector_config c where c.tenant_id = ? and c.source_system = ?"
                + " and (?::text is null or c.id = ?))", w.tenant().value(), w.sourceSystem(), w.viaConnector(), w.viaConnector());
    }

    /** Held for the completing unit's commit (nothing in it reads the write-back back). */
    private void insert(WriteBack w, String condition, Object... conditionParams) {
        List<Object> params = new ArrayList<>(Arrays.asList(w.id(), w.tenant().value(), w.workItemId().value(), w.sourceSystem(),
                w.externalId(), w.resolution(), w.note(), w.idempotencyKey(), w.status().name(), w.nextAttemptAt(), w.createdAt(),
                w.viaConnector()));
        params.addAll(Arrays.asList(conditionParams));
        Sql.defer(jdbc, "insert into write_back (id, tenant_id, work_item_id, source_system, external_id, resolution, note,"
                + " idempotency_key, status, attempts, next_attempt_at, created_at, via_connector)"
                + " select ?::uuid, ?, ?::uuid, ?, ?, ?, ?, ?, ?, 0, ?::timestamptz, ?::timestamptz, ?::text" + condition
                + " on conflict (tenant_id, idempotency_key) do nothing", params.toArray());
    }

    @Override
    public List<TenantId> tenantsWithDue(Instant now) {
        return Sql.query(jdbc, "select tenant_id from write_back where status = 'PENDING' and next_attempt_at <= ?"
                + " and (leased_until is null or leased_until <= ?) group by tenant_id order by min(created_at)",
                rs -> TenantId.of(rs.getString(1)), now, now);
    }

    @Override
    public List<WriteBack> leaseDue(TenantId tenant, Instant now, Duration lease, int limit) {
        return Sql.query(jdbc, """
                update write_back set leased_until = ?
                where (tenant_id, id) in (select w.tenant_id, w.id from write_back w
                             where w.tenant_id = ? and w.status = 'PENDING' and w.next_attempt_at <= ?
                               and (w.leased_until is null or w.leased_until <= ?)
                               and not exists (select 1 from write_back o
                                               where o.tenant_id = w.tenant_id and o.source_system = w.source_system
                                                 and o.status = 'PENDING' and (o.created_at, o.id) < (w.created_at, w.id)
                                                 and (o.next_attempt_at > ? or o.leased_until > ?))
                               -- one node at a time leases a source's write-backs: another's uncommitted lease of an
                               -- older one is invisible to this statement's snapshot
                               and pg_try_advisory_xact_lock(hashtext('write_back/' || w.tenant_id || '/' || w.source_system))
                             order by w.created_at, w.id limit ? for update of w skip locked)
                returning *""", JdbcWriteBackOutbox::row, now.plus(lease), tenant.value(), now, now, now, now, limit).stream()
                .sorted(java.util.Comparator.comparing(WriteBack::createdAt).thenComparing(WriteBack::id)).toList();
    }

    @Override
    public void markApplied(TenantId tenant, UUID id, Instant at, String detail) {
        Sql.update(jdbc, "update write_back set status = 'APPLIED', applied_at = ?, detail = ?, attempts = attempts + 1,"
                + " leased_until = null, last_error = null where tenant_id = ? and id = ?", at, detail, tenant.value(), id);
    }

    @Override
    public void markRetry(TenantId tenant, UUID id, int attempts, Instant nextAttemptAt, String error) {
        Sql.update(jdbc, "update write_back set attempts = ?, next_attempt_at = ?, last_error = ?, leased_until = null"
                + " where tenant_id = ? and id = ?", attempts, nextAttemptAt, error, tenant.value(), id);
    }

    @Override
    public boolean markRefused(TenantId tenant, UUID id, int attempts, Instant nextAttemptAt, String error, int maxRefusals) {
        return Sql.query(jdbc, """
                update write_back set attempts = ?, next_attempt_at = ?, last_error = ?, leased_until = null, refusals = refusals + 1,
                    status = case when refusals + 1 >= ? then 'FAILED' else status end
                where tenant_id = ? and id = ? returning status""", rs -> rs.getString(1), attempts, nextAttemptAt, error, maxRefusals,
                tenant.value(), id)
                .stream().anyMatch("FAILED"::equals);
    }

    @Override
    public java.util.Optional<WriteBack> lock(TenantId tenant, UUID id) {
        return Sql.query(jdbc, "select * from write_back where tenant_id = ? and id = ? for update", JdbcWriteBackOutbox::row,
                tenant.value(), id).stream().findFirst();
    }

    @Override
    public void requeue(TenantId tenant, UUID id, Instant now) {
        Sql.update(jdbc, "update write_back set status = 'PENDING', attempts = 0, refusals = 0, next_attempt_at = ?, leased_until = null"
                + " where tenant_id = ? and id = ?", now, tenant.value(), id);
    }

    @Override
    public void deferLater(TenantId tenant, String sourceSystem, Instant after, Instant until) {
        Sql.update(jdbc, """
                update write_back set next_attempt_at = greatest(next_attempt_at, ?), leased_until = null
                where tenant_id = ? and source_system = ? and status = 'PENDING' and created_at > ?""",
                until, tenant.value(), sourceSystem, after);
    }

    @Override
    public List<WriteBack> list(TenantId tenant, WriteBack.Status status, int limit) {
        return status == null
                ? Sql.query(jdbc, "select * from write_back where tenant_id = ? order by created_at desc, id limit ?",
                JdbcWriteBackOutbox::row, tenant.value(), limit)
                : Sql.query(jdbc, "select * from write_back where tenant_id = ? and status = ? order by created_at desc, id limit ?",
                JdbcWriteBackOutbox::row, tenant.value(), status.name(), limit);
    }

    private static WriteBack row(ResultSet rs) throws SQLException {
        return new WriteBack(rs.getObject("id", UUID.class), new TenantId(rs.getString("tenant_id")),
                new WorkItemId(rs.getObject("work_item_id", UUID.class)), rs.getString("source_system"), rs.getString("external_id"),
                rs.getString("resolution"), rs.getString("note"), rs.getString("idempotency_key"),
                WriteBack.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "applied_at"), rs.getString("via_connector"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
