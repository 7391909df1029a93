package health.ordo.application.service.routing;

import health.ordo.application.port.in.routing.ManageWorkerSchedulesUseCase;
import health.ordo.application.port.in.routing.WorkerNotFoundException;
import health.ordo.application.port.out.routing.WorkerSchedulePort;
import health.ordo.application.port.out.routing.WorkforcePort;
import health.ordo.application.port.out.sla.SlaConfigPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.routing.WorkerSchedule;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;

/** Workers' schedules: kept for existing workers only, and naming only calendars the tenant has. */
public final class WorkerScheduleService implements ManageWorkerSchedulesUseCase {

    private final WorkforcePort workforce;
    private final WorkerSchedulePort schedules;
    private final SlaConfigPort calendars;
    private final TransactionPort transactions;

    public WorkerScheduleService(WorkforcePort workforce, WorkerSchedulePort schedules, SlaConfigPort calendars,
                                 TransactionPort transactions) {
        this.workforce = workforce;
        this.schedules = schedules;
        this.calendars = calendars;
        this.transactions = transactions;
    }

    @Override
    public WorkerSchedule schedule(TenantId tenant, String login) {
        return transactions.readOnly(tenant, () -> {
            if (workforce.worker(tenant, login).isEmpty()) {
                throw new WorkerNotFoundException(login);
            }
            return schedules.schedule(tenant, login).orElseGet(() -> WorkerSchedule.standard(tenant, login));
        });
    }

    @Override
    public java.util.Map<String, WorkerSchedule> schedules(TenantId tenant) {
        return transactions.readOnly(tenant, () -> {
            java.util.Map<String, WorkerSchedule> byLogin = new java.util.HashMap<>();
            schedules.schedules(tenant).forEach(schedule -> byLogin.put(schedule.login(), schedule));
            return byLogin;
        });
    }

    @Override
    public WorkerSchedule save(TenantId tenant, String login, java.util.function.Supplier<WorkerSchedule> requested) {
        return transactions.inTransaction(tenant, () -> {
            if (workforce.lockWorker(tenant, login).isEmpty()) {
                throw new WorkerNotFoundException(login);
            }
            WorkerSchedule schedule = requested.get();
            InvalidValueException.require(schedule.calendar() == null || calendars.calendar(tenant, schedule.calendar()).isPresent(),
                    "calendar", "the tenant has no business calendar " + schedule.calendar());
            schedules.save(schedule);
            return schedule;
        });
    }
}
