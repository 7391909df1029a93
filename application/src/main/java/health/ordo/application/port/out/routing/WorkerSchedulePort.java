package health.ordo.application.port.out.routing;

import health.ordo.domain.routing.WorkerSchedule;
import health.ordo.domain.shared.TenantId;

import java.util.List;
import java.util.Optional;

/** Workers' schedules (own calendar, time off); a worker without one follows the tenant's default calendar. */
public interface WorkerSchedulePort {

    /** The stored schedules of a tenant's workers. */
    List<WorkerSchedule> schedules(TenantId tenant);

    Optional<WorkerSchedule> schedule(TenantId tenant, String login);

    /** Creates or replaces a worker's schedule (the worker exists). */
    void save(WorkerSchedule schedule);
}
