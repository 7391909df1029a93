package health.ordo.application.port.in.routing;

import health.ordo.domain.routing.WorkerSchedule;
import health.ordo.domain.shared.TenantId;

/** When each worker works (their calendar and time off), which the forecasts count their capacity by. */
public interface ManageWorkerSchedulesUseCase {

    /**
     * A worker's schedule; the standard one (the tenant's default calendar, no time off) when none is stored.
     *
     * @throws WorkerNotFoundException when the tenant has no such worker
     */
    WorkerSchedule schedule(TenantId tenant, String login);

    /** Every stored schedule of the tenant's workers, by login (a worker without one follows the standard one). */
    java.util.Map<String, WorkerSchedule> schedules(TenantId tenant);

    /**
     * Replaces a worker's schedule.
     *
     * @throws WorkerNotFoundException when the tenant has no such worker
     * @throws health.ordo.domain.shared.InvalidValueException naming {@code calendar} when the tenant has no such calendar
     */
    WorkerSchedule save(WorkerSchedule schedule);
}
