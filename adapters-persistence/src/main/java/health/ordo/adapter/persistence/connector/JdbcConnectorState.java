package health.ordo.adapter.persistence.connector;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.in.connector.ConnectorRejection;
import health.ordo.application.port.in.connector.ConnectorRun;
import health.ordo.application.port.in.connector.ConnectorStatus;
import health.ordo.application.port.out.connector.ConnectorStatePort;
import health.ordo.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** {@code connector_state} and {@code connector_rejection}; the lease is taken with a row lock that skips held rows. */
@Singleton
class JdbcConnectorState implements ConnectorStatePort {

    private final JdbcOperations jdbc;

    JdbcConnectorState(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> lease(TenantId tenant, String name, String type, String system, Instant now, Duration lease) {
        Sql.update(jdbc, "insert into connector_state (tenant_id, name, type, source_system) values (?, ?, ?, ?) on conflict do nothing",
                tenant.value(), name, type, system);
        List<String> cursor = Sql.query(jdbc, """
                update connector_state set lease_until = ?, type = ?, source_system = ?
                where tenant_id = ? and name = ? and (lease_until is null or lease_until <= ?)
                  and ctid = (select ctid from connector_state where tenant_id = ? and name = ? for update skip locked)
                returning cursor""", rs -> rs.getString(1), now.plus(lease), type, system, tenant.value(), name, now,
                tenant.value(), name);
        return cursor.stream().findFirst();
    }

    @Override
    public Optional<String> leaseIfDue(TenantId tenant, String name, String type, String system, Instant now, Duration lease,
                                       Duration interval) {
        Sql.update(jdbc, "insert into connector_state (tenant_id, name, type, source_system) values (?, ?, ?, ?) on conflict do nothing",
                tenant.value(), name, type, system);
        List<String> cursor = Sql.query(jdbc, """
                update connector_state set lease_until = ?, type = ?, source_system = ?
                where tenant_id = ? and name = ? and (lease_until is null or lease_until <= ?)
                  and (last_run_at is null or last_run_at <= ?) and (circuit_open_until is null or circuit_open_until <= ?)
                  and ctid = (select ctid from connector_state where tenant_id = ? and name = ? for update skip locked)
                returning cursor""", rs -> rs.getString(1), now.plus(lease), type, system, tenant.value(), name, now,
                now.minus(interval), now, tenant.value(), name);
        return cursor.stream().findFirst();
    }

    @Override
    public int consecutiveFailures(TenantId tenant, String name) {
        return Sql.query(jdbc, "select consecutive_failures from connector_state where tenant_id = ? and name = ?",
                rs -> rs.getInt(1), tenant.value(), name).stream().findFirst().orElse(0);
    }

    @Override
    public void startRun(TenantId tenant, String name, ConnectorRun run) {
        Sql.update(jdbc, "update connector_run set status = 'FAILED', finished_at = ?, error = 'interrupted: the node running it stopped'"
                + " where tenant_id = ? and connector = ? and status = 'RUNNING'", run.startedAt(), tenant.value(), name);
        Sql.update(jdbc, "insert into connector_run (id, tenant_id, connector, trigger, started_at, status) values (?, ?, ?, ?, ?, ?)",
                run.id(), tenant.value(), name, run.trigger(), run.startedAt(), run.status());
    }

    @Override
    public void finishRun(TenantId tenant, ConnectorRun run) {
        Sql.update(jdbc, """
                update connector_run set finished_at = ?, status = ?, pages = ?, fetched = ?, created = ?, updated = ?, unchanged = ?,
                    closed = ?, failed = ?, error = ?
                where tenant_id = ? and id = ?""", run.finishedAt(), run.status(), run.pages(), run.fetched(), run.created(),
                run.updated(), run.unchanged(), run.closed(), run.failed(), run.error(), tenant.value(), run.id());
    }

    @Override
    public List<ConnectorRun> runs(TenantId tenant, String name, int limit) {
        return Sql.query(jdbc, "select * from connector_run where tenant_id = ? and connector = ? order by started_at desc, id limit ?",
                rs -> new ConnectorRun(rs.getObject("id", java.util.UUID.class), rs.getString("trigger"), instant(rs, "started_at"),
                        instant(rs, "finished_at"), rs.getString("status"), rs.getInt("pages"), rs.getInt("fetched"), rs.getInt("created"),
                        rs.getInt("updated"), rs.getInt("unchanged"), rs.getInt("closed"), rs.getInt("failed"), rs.getString("error")),
                tenant.value(), name, limit);
    }

    @Override
    public void advance(TenantId tenant, String name, String cursor, Progress p, Instant at) {
        Sql.update(jdbc, """
                update connector_state set cursor = ?, last_run_at = ?, items_created = items_created + ?,
                    items_updated = items_updated + ?, items_closed = items_closed + ?, duplicates = duplicates + ?, rejected = rejected + ?
                where tenant_id = ? and name = ?""", cursor, at, p.created(), p.updated(), p.closed(), p.duplicates(), p.rejected(),
                tenant.value(), name);
    }

    @Override
    public void finish(TenantId tenant, String name, String health, String reason, boolean success, Instant at, Duration openFor) {
        Sql.update(jdbc, """
                update connector_state set health = ?, health_reason = ?, last_run_at = ?,
                    last_success_at = case when ?::boolean then ?::timestamptz else last_success_at end, lease_until = null,
                    consecutive_failures = case when ?::boolean then 0 else consecutive_failures + 1 end,
                    circuit_open_until = case when ?::boolean then null else ?::timestamptz end
                where tenant_id = ? and name = ?""", health, reason, at, success, at, success, success || openFor == null,
                openFor == null ? null : at.plus(openFor), tenant.value(), name);
    }

    @Override
    public void reject(TenantId tenant, String name, List<ConnectorRejection> rejections) {
        for (ConnectorRejection r : rejections) {
            Sql.update(jdbc, "insert into connector_rejection (tenant_id, connector, external_id, location, reason, at) values (?, ?, ?, ?, ?, ?)",
                    tenant.value(), name, r.externalId(), r.location(), r.reason(), r.at());
        }
    }

    @Override
    public List<ConnectorStatus> list(TenantId tenant) {
        return Sql.query(jdbc, "select * from connector_state where tenant_id = ? order by name", JdbcConnectorState::status, tenant.value());
    }

    @Override
    public List<ConnectorRejection> rejections(TenantId tenant, String name, int limit) {
        return Sql.query(jdbc, "select * from connector_rejection where tenant_id = ? and connector = ? order by at desc, id desc limit ?",
                rs -> new ConnectorRejection(rs.getString("external_id"), rs.getString("location"), rs.getString("reason"),
                        instant(rs, "at")), tenant.value(), name, limit);
    }

    private static ConnectorStatus status(ResultSet rs) throws SQLException {
        return new ConnectorStatus(rs.getString("name"), rs.getString("type"), rs.getString("source_system"), rs.getString("health"),
                rs.getString("health_reason"), rs.getString("cursor"), instant(rs, "last_run_at"), instant(rs, "last_success_at"),
                rs.getLong("items_created"), rs.getLong("items_updated"), rs.getLong("items_closed"), rs.getLong("duplicates"),
                rs.getLong("rejected"), instant(rs, "circuit_open_until"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
