package health.ordo.adapter.persistence.priority;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.in.priority.JobStatus;
import health.ordo.application.port.out.priority.JobPort;
import health.ordo.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Background jobs in PostgreSQL. A node works on a job while it holds the row lock ({@code FOR UPDATE SKIP
 * LOCKED}), so two nodes never run the same job at once and a job a dead node left behind is simply taken next.
 */
@Singleton
class JdbcJobRepository implements JobPort {

    private static final String COLUMNS = "id, tenant_id, kind, subject, state, cutoff, total, done, message, created_at, "
            + "started_at, finished_at, updated_at";

    private final JdbcOperations jdbc;

    JdbcJobRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public JobStatus createRescoreJob(TenantId tenant, String subject, Instant cutoff, long total, Instant now) {
        UUID id = UUID.randomUUID();
        Sql.prepare(jdbc, "insert into background_job (id, tenant_id, kind, subject, state, cutoff, total, created_at, updated_at)"
                + " values (?, ?, 'RESCORE', ?, 'QUEUED', ?, ?, ?, ?)", statement -> {
            statement.setObject(1, id);
            statement.setString(2, tenant.value());
            statement.setString(3, subject);
            statement.setObject(4, cutoff.atOffset(ZoneOffset.UTC));
            statement.setLong(5, total);
            statement.setObject(6, now.atOffset(ZoneOffset.UTC));
            statement.setObject(7, now.atOffset(ZoneOffset.UTC));
            return statement.executeUpdate();
        });
        return new JobStatus(id, "RESCORE", subject, JobStatus.State.QUEUED, total, 0, total == 0 ? 100 : 0, now, null, null,
                null, null);
    }

    @Override
    public Optional<JobStatus> load(TenantId tenant, UUID id) {
        return Sql.prepare(jdbc, "select " + COLUMNS + " from background_job where tenant_id = ? and id = ?", statement -> {
            statement.setString(1, tenant.value());
            statement.setObject(2, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        });
    }

    @Override
    public java.util.List<TenantId> tenantsWithUnfinished() {
        return Sql.query(jdbc, "select tenant_id from background_job where state in ('QUEUED', 'RUNNING') group by tenant_id"
                + " order by min(created_at)", rs -> new TenantId(rs.getString(1)));
    }

    @Override
    public Optional<ClaimedJob> claimNext(TenantId tenant) {
        return Sql.prepare(jdbc, "select " + COLUMNS + " from background_job where tenant_id = ? and state in ('QUEUED', 'RUNNING')"
                + " order by created_at limit 1 for update skip locked", statement -> {
            statement.setString(1, tenant.value());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ClaimedJob(map(rs), new TenantId(rs.getString("tenant_id")),
                        rs.getObject("cutoff", OffsetDateTime.class).toInstant()));
            }
        });
    }

    @Override
    public void update(TenantId tenant, UUID id, JobStatus.State state, long done, Instant startedAt, Instant finishedAt, Instant now, String message) {
        Sql.prepare(jdbc, "update background_job set state = ?, done = ?, started_at = ?, finished_at = ?, updated_at = ?,"
                + " message = ? where tenant_id = ? and id = ?", statement -> {
            statement.setString(1, state.name());
            statement.setLong(2, done);
            statement.setObject(3, startedAt == null ? null : startedAt.atOffset(ZoneOffset.UTC));
            statement.setObject(4, finishedAt == null ? null : finishedAt.atOffset(ZoneOffset.UTC));
            statement.setObject(5, now.atOffset(ZoneOffset.UTC));
            statement.setString(6, message);
            statement.setString(7, tenant.value());
            statement.setObject(8, id);
            return statement.executeUpdate();
        });
    }

    private static JobStatus map(ResultSet rs) throws SQLException {
        long total = rs.getLong("total");
        long done = rs.getLong("done");
        JobStatus.State state = JobStatus.State.valueOf(rs.getString("state"));
        Instant started = instant(rs, "started_at");
        Instant updated = instant(rs, "updated_at");
        double percent = state == JobStatus.State.SUCCEEDED || total == 0 ? 100 : Math.min(100, 100.0 * done / total);
        Instant eta = null;
        if (state == JobStatus.State.RUNNING && started != null && done > 0 && updated != null) {
            long elapsedMillis = Duration.between(started, updated).toMillis();
            eta = updated.plusMillis(elapsedMillis * (total - done) / done);
        }
        return new JobStatus(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("subject"), state, total,
                state == JobStatus.State.SUCCEEDED ? total : done, Math.round(percent * 10) / 10.0, instant(rs, "created_at"),
                started, instant(rs, "finished_at"), eta, rs.getString("message"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
