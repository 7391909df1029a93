package health.ordo.adapter.persistence.audit;

import health.ordo.adapter.persistence.Sql;
import health.ordo.adapter.persistence.TextMapJson;
import health.ordo.application.port.out.audit.AuditLogPort;
import health.ordo.domain.audit.AuditEntry;
import health.ordo.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code audit_log}: requests insert pending rows without locking; the chainer takes a transaction-scoped advisory lock
 * per tenant and sets seq, prev_hash and hash once on each pending row (the only update the trigger allows).
 */
@Singleton
class JdbcAuditLog implements AuditLogPort {

    private final JdbcOperations jdbc;
    private final TextMapJson json;

    JdbcAuditLog(JdbcOperations jdbc, TextMapJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void append(AuditEntry e) {
        // nothing reads an entry back in the unit of work that writes it: it goes with the commit
        Sql.defer(jdbc, """
                insert into audit_log (tenant_id, at, actor, action, entity_type, entity_id, details, request_id, client_ip)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", e.tenant().value(), e.at(), e.actor(), e.action(), e.entityType(),
                e.entityId(), json.write(e.details()), e.requestId(), e.clientIp());
    }

    @Override
    public Optional<AuditEntry> lockChain(TenantId tenant) {
        Sql.query(jdbc, "select pg_advisory_xact_lock(hashtext(?))", rs -> 0, "audit:" + tenant.value());
        return Sql.query(jdbc, "select * from audit_log where tenant_id = ? and seq is not null order by seq desc limit 1", this::row,
                tenant.value()).stream().findFirst();
    }

    @Override
    public List<Pending> pending(TenantId tenant, int limit) {
        return Sql.query(jdbc, "select * from audit_log where tenant_id = ? and hash is null order by id limit ?",
                rs -> new Pending(rs.getLong("id"), row(rs)), tenant.value(), limit);
    }

    @Override
    public void markChained(List<Chained> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Sql.prepareBatch(jdbc, "update audit_log set seq = ?, prev_hash = ?, hash = ? where tenant_id = ? and id = ? and hash is null",
                statement -> {
                    for (Chained c : entries) {
                        statement.setLong(1, c.entry().seq());
                        statement.setString(2, c.entry().prevHash());
                        statement.setString(3, c.entry().hash());
                        statement.setString(4, c.entry().tenant().value());
                        statement.setLong(5, c.rowId());
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                });
    }

    @Override
    public List<TenantId> tenantsWithPending() {
        return Sql.query(jdbc, "select distinct tenant_id from audit_log where hash is null", rs -> TenantId.of(rs.getString(1)));
    }

    @Override
    public List<AuditEntry> list(TenantId tenant, String entityType, String entityId, int limit) {
        if (entityId == null) {
            return Sql.query(jdbc, "select * from audit_log where tenant_id = ? order by id desc limit ?", this::row, tenant.value(), limit);
        }
        return Sql.query(jdbc, "select * from audit_log where tenant_id = ? and entity_id = ? and (?::text is null or entity_type = ?)"
                + " order by id desc limit ?", this::row, tenant.value(), entityId, entityType, entityType, limit);
    }

    @Override
    public List<AuditEntry> chain(TenantId tenant) {
        return Sql.query(jdbc, "select * from audit_log where tenant_id = ? and seq is not null order by seq", this::row, tenant.value());
    }

    private AuditEntry row(ResultSet rs) throws SQLException {
        Map<String, String> details = json.read(rs.getString("details"));
        return new AuditEntry(TenantId.of(rs.getString("tenant_id")), rs.getLong("seq"),
                rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"), rs.getString("action"),
                rs.getString("entity_type"), rs.getString("entity_id"), details, rs.getString("request_id"), rs.getString("client_ip"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
