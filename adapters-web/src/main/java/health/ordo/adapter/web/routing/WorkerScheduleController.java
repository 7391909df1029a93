package health.ordo.adapter.web.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.routing.ManageWorkerSchedulesUseCase;
import health.ordo.domain.routing.WorkerSchedule;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** When a worker works: their calendar and time off, which the forecasts count their capacity by (TENANT_ADMIN, SUPERVISOR). */
@Controller("/api/v1/workers/{login}/schedule")
@Secured({"TENANT_ADMIN", "SUPERVISOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Routing")
class WorkerScheduleController {

    private final ManageWorkerSchedulesUseCase schedules;

    WorkerScheduleController(ManageWorkerSchedulesUseCase schedules) {
        this.schedules = schedules;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "TimeOff")
    record TimeOffDto(@Schema(description = "first day off", example = "2026-12-21") @Nullable String from,
                      @Schema(description = "last day off (inclusive)", example = "2026-12-24") @Nullable String to,
                      @Schema(example = "annual leave") @Nullable String reason) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "WorkerSchedule")
    record ScheduleDto(@Nullable String login,
                       @Schema(description = "id of the tenant's business calendar of this worker's hours; null: calendar default",
                               example = "part-time") @Nullable String calendar,
                       @Schema(description = "periods of whole days off, in that calendar's time zone") @Nullable List<TimeOffDto> timeOff) {

        static ScheduleDto of(WorkerSchedule schedule) {
            return new ScheduleDto(schedule.login(), schedule.calendar(), schedule.timeOff().stream()
                    .map(t -> new TimeOffDto(t.from().toString(), t.to().toString(), t.reason())).toList());
        }

        WorkerSchedule toSchedule(TenantId tenant, String login) {
            List<WorkerSchedule.TimeOff> periods = new ArrayList<>();
            List<TimeOffDto> given = timeOff == null ? List.of() : timeOff;
            InvalidValueException.require(given.size() <= WorkerSchedule.MAX_TIME_OFF, "timeOff",
                    "at most " + WorkerSchedule.MAX_TIME_OFF + " periods of time off");
            for (int i = 0; i < given.size(); i++) {
                TimeOffDto period = given.get(i);
                String field = "timeOff[" + i + "]";
                InvalidValueException.require(period != null, field, "a period of time off is required");
                periods.add(new WorkerSchedule.TimeOff(date(period.from(), field + ".from"), date(period.to(), field + ".to"), period.reason()));
            }
            return new WorkerSchedule(tenant, login, calendar == null || calendar.isBlank() ? null : calendar, periods);
        }

        private static LocalDate date(String text, String field) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidValueException(field, field + " is not a date (YYYY-MM-DD): " + text);
            }
        }
    }

    @Get
    @Operation(summary = "A worker's schedule: their calendar and time off (the standard one when none is set)")
    ScheduleDto schedule(Authentication authentication, @PathVariable String login) {
        return ScheduleDto.of(schedules.schedule(tenant(authentication), login));
    }

    @Put(consumes = MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a worker's calendar and time off; forecasts (breaches, staffing, what-if, allocation) count their"
            + " capacity only in those hours")
    ScheduleDto save(Authentication authentication, @PathVariable String login, @Body ScheduleDto body) {
        TenantId tenant = tenant(authentication);
        // 404 for a login that is no worker of this tenant before the body is judged, in the save's own transaction
        return ScheduleDto.of(schedules.save(tenant, login, () -> body.toSchedule(tenant, login)));
    }

    private static TenantId tenant(Authentication authentication) {
        return Caller.of(authentication).tenant();
    }
}
