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
    default WorkerSchedule save(WorkerSchedule schedule) {
        return save(schedule.tenant(), schedule.login(), () -> schedule);
    }

    /**
     * Replaces a worker's schedule, built from the request once the worker is found: an unknown worker is refused before
     * the request's own mistakes are judged, in the same transaction.
     *
     * @throws WorkerNotFoundException when the tenant has no such worker
     * @throws health.ordo.domain.shared.InvalidValueException naming {@code calendar} when the tenant has no such calendar,
     *         or whatever field {@code schedule} finds at fault
     */
    WorkerSchedule save(TenantId tenant, String login, java.util.function.Supplier<WorkerSchedule> schedule);
}
