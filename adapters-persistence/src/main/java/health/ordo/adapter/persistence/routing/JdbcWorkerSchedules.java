package health.ordo.adapter.persistence.routing;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.out.routing.WorkerSchedulePort;
import health.ordo.domain.routing.WorkerSchedule;
import health.ordo.domain.shared.TenantId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Workers' schedules in {@code worker_schedule}: the calendar id and the periods of time off as jsonb. */
@Singleton
class JdbcWorkerSchedules implements WorkerSchedulePort {

    @Serdeable
    record TimeOffRow(LocalDate from, LocalDate to, @Nullable String reason) {
    }

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    JdbcWorkerSchedules(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<WorkerSchedule> schedules(TenantId tenant) {
        return Sql.query(jdbc, "select * from worker_schedule where tenant_id = ? order by login", this::schedule, tenant.value());
    }

    @Override
    public Optional<WorkerSchedule> schedule(TenantId tenant, String login) {
        return Sql.query(jdbc, "select * from worker_schedule where tenant_id = ? and login = ?", this::schedule, tenant.value(), login)
                .stream().findFirst();
    }

    @Override
    public void save(WorkerSchedule schedule) {
        List<TimeOffRow> rows = schedule.timeOff().stream().map(t -> new TimeOffRow(t.from(), t.to(), t.reason())).toList();
        String timeOff;
        try {
            timeOff = new String(json.writeValueAsBytes(rows), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Sql.update(jdbc, """
                insert into worker_schedule (tenant_id, login, calendar, time_off) values (?, ?, ?, ?::jsonb)
                on conflict (tenant_id, login) do update set calendar = excluded.calendar, time_off = excluded.time_off""",
                schedule.tenant().value(), schedule.login(), schedule.calendar(), timeOff);
    }

    private WorkerSchedule schedule(ResultSet rs) throws SQLException {
        List<TimeOffRow> rows;
        try {
            rows = json.readValue(rs.getString("time_off"), Argument.listOf(TimeOffRow.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WorkerSchedule(new TenantId(rs.getString("tenant_id")), rs.getString("login"), rs.getString("calendar"),
                rows.stream().map(r -> new WorkerSchedule.TimeOff(r.from(), r.to(), r.reason())).toList());
    }
}
