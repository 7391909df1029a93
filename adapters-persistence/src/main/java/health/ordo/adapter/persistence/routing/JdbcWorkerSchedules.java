package health.ordo.adapter.persistence.routing;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.out.routing.WorkerSchedulePort;
import health.ordo.domain.routing.WorkerSchedule;
import health.ordo.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Workers' schedules in {@code worker_schedule}: the calendar id and the periods of time off as jsonb. */
@Singleton
class JdbcWorkerSchedules implements WorkerSchedulePort {

    private final JdbcOperations jdbc;
    private final RoutingJson json;

    JdbcWorkerSchedules(JdbcOperations jdbc, RoutingJson json) {
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
        Sql.update(jdbc, """
                insert into worker_schedule (tenant_id, login, calendar, time_off) values (?, ?, ?, ?::jsonb)
                on conflict (tenant_id, login) do update set calendar = excluded.calendar, time_off = excluded.time_off""",
                schedule.tenant().value(), schedule.login(), schedule.calendar(), json.writeTimeOff(schedule.timeOff()));
    }

    private WorkerSchedule schedule(ResultSet rs) throws SQLException {
        return new WorkerSchedule(new TenantId(rs.getString("tenant_id")), rs.getString("login"), rs.getString("calendar"),
                json.readTimeOff(rs.getString("time_off")));
    }
}
