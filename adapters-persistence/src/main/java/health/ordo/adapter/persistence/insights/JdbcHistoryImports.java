package health.ordo.adapter.persistence.insights;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.in.insights.ImportHistoryUseCase.Format;
import health.ordo.application.port.in.insights.ImportHistoryUseCase.HistoryImport;
import health.ordo.application.port.in.insights.ImportHistoryUseCase.Rejection;
import health.ordo.application.port.out.insights.HistoryImportPort;
import health.ordo.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** History-import jobs with their file; rejections keyed by row and field (a retried chunk writes the same ones again). */
@Singleton
class JdbcHistoryImports implements HistoryImportPort {

    private static final String COLUMNS = """
            tenant_id, id, format, source_system, status, rows_read, accepted, rejected, requested_by, requested_at, started_at,
            finished_at, failure""";

    private final JdbcOperations jdbc;

    JdbcHistoryImports(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(HistoryImport job, String body) {
        Sql.update(jdbc, """
                insert into history_import (tenant_id, id, format, source_system, body, status, requested_by, requested_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", job.tenant().value(), job.id(), job.format().name(), job.sourceSystem(), body,
                job.status(), job.requestedBy(), job.requestedAt());
    }

    @Override
    public Optional<HistoryImport> find(TenantId tenant, UUID id) {
        return Sql.query(jdbc, "select " + COLUMNS + " from history_import where tenant_id = ? and id = ?", JdbcHistoryImports::job,
                tenant.value(), id).stream().findFirst();
    }

    @Override
    public List<Rejection> rejections(TenantId tenant, UUID id, int limit) {
        return Sql.query(jdbc, """
                select row_number, field, message from history_import_rejection where tenant_id = ? and import_id = ?
                order by row_number, field limit ?""", rs -> new Rejection(rs.getInt(1), rs.getString(2), rs.getString(3)),
                tenant.value(), id, limit);
    }

    @Override
    public List<TenantId> tenantsWithImportsDue(Instant now) {
        return Sql.query(jdbc, "select tenant_id from history_import where status = 'QUEUED' or (status = 'RUNNING' and lease_until < ?)"
                + " group by tenant_id order by min(requested_at)", rs -> TenantId.of(rs.getString(1)), now);
    }

    @Override
    public Optional<ClaimedImport> claimNext(TenantId tenant, Instant now, Instant leaseUntil) {
        return Sql.query(jdbc, """
                update history_import set status = 'RUNNING', started_at = coalesce(started_at, ?), lease_until = ?
                where tenant_id = ? and id = (select id from history_import
                                              where tenant_id = ? and (status = 'QUEUED' or (status = 'RUNNING' and lease_until < ?))
                                              order by requested_at for update skip locked limit 1)
                returning body, """ + COLUMNS, rs -> new ClaimedImport(job(rs), rs.getString("body")), now, leaseUntil, tenant.value(),
                tenant.value(), now).stream().findFirst();
    }

    @Override
    public void progress(TenantId tenant, UUID id, int rowsRead, int accepted, int rejected, List<Rejection> rejections, Instant leaseUntil) {
        Sql.update(jdbc, "update history_import set rows_read = ?, accepted = ?, rejected = ?, lease_until = ? where tenant_id = ? and id = ?",
                rowsRead, accepted, rejected, leaseUntil, tenant.value(), id);
        if (rejections.isEmpty()) {
            return;
        }
        Sql.prepareBatch(jdbc, """
                insert into history_import_rejection (tenant_id, import_id, row_number, field, message) values (?, ?, ?, ?, ?)
                on conflict do nothing""", statement -> {
            for (Rejection rejection : rejections) {
                Sql.bind(statement, tenant.value(), id, rejection.row(), rejection.field(), rejection.message());
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    @Override
    public void retryAt(TenantId tenant, UUID id, Instant at) {
        Sql.update(jdbc, "update history_import set lease_until = ? where tenant_id = ? and id = ? and status = 'RUNNING'", at, tenant.value(), id);
    }

    @Override
    public void finish(TenantId tenant, UUID id, String status, String failure, Instant at) {
        // a completed import's rows are all stored as facts or rejections, so its file is dropped; a failed one keeps it
        Sql.update(jdbc, """
                update history_import set status = ?, failure = ?, finished_at = ?, lease_until = null,
                       body = case when ? = 'COMPLETED' then '' else body end
                where tenant_id = ? and id = ?""", status, failure, at, status, tenant.value(), id);
    }

    private static HistoryImport job(ResultSet rs) throws SQLException {
        return new HistoryImport(rs.getObject("id", UUID.class), new TenantId(rs.getString("tenant_id")),
                Format.valueOf(rs.getString("format")), rs.getString("source_system"), rs.getString("status"), rs.getInt("rows_read"),
                rs.getInt("accepted"), rs.getInt("rejected"), rs.getString("requested_by"), FactColumns.instant(rs, "requested_at"),
                FactColumns.instant(rs, "started_at"), FactColumns.instant(rs, "finished_at"), rs.getString("failure"));
    }
}
