package health.ordo.adapter.web.sla;

import health.ordo.adapter.web.problem.Problem;
import health.ordo.adapter.web.problem.ProblemType;
import health.ordo.adapter.web.problem.Problems;
import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.sla.CalendarFileUseCase;
import health.ordo.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Business calendars in and out as RFC 5545 iCalendar files, as HR, payroll and groupware systems publish them. */
@Controller("/api/v1/calendars")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Service levels")
class CalendarFileController {

    static final String TEXT_CALENDAR = "text/calendar";

    @Serdeable
    @Schema(name = "CalendarImport")
    record ImportDto(SlaController.CalendarDto calendar, boolean created, String from, String to, int holidaysAdded,
                     int closuresAdded, List<String> skipped) {
    }

    private final CalendarFileUseCase files;

    CalendarFileController(CalendarFileUseCase files) {
        this.files = files;
    }

    @Post(value = "/{id}:import", consumes = {TEXT_CALENDAR, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Secured("TENANT_ADMIN")
    @Operation(summary = "Import an iCalendar (.ics) file into a business calendar, creating it when absent",
            description = "All-day events become holidays (every day they cover), timed events closures; recurring events "
                    + "(RRULE, RDATE, EXDATE) are expanded between from and to. TZID times are read in their zone (the file's "
                    + "VTIMEZONE or the IANA database), floating times in the calendar's. Cancelled events and timed events "
                    + "marked free are skipped and listed. A calendar the import creates works Monday to Friday, 09:00-17:00.")
    HttpResponse<?> importFile(HttpRequest<?> request, Authentication authentication, @PathVariable String id, @Body byte[] body,
                                       @Parameter(description = "MERGE (default) keeps the calendar's holidays and closures; REPLACE "
                                               + "drops those between from and to first") @Nullable @QueryValue String mode,
                                       @Parameter(description = "zone of a calendar the import creates; default: the file's "
                                               + "X-WR-TIMEZONE, then the deployment's") @Nullable @QueryValue String zone,
                                       @Parameter(description = "first day expanded (default: January 1 of this year)")
                                       @Nullable @QueryValue String from,
                                       @Parameter(description = "the day after the last day expanded (default: three years after from)")
                                       @Nullable @QueryValue String to) {
        CalendarFileUseCase.ImportRequest importing = new CalendarFileUseCase.ImportRequest(Caller.of(authentication).tenant(), id, body,
                mode(mode), zone, date(from, "from"), date(to, "to"));
        CalendarFileUseCase.ImportResult result;
        try {
            result = files.importFile(importing);
        } catch (InvalidValueException e) {
            // the request was well-formed; the file (or the calendar it would make) is what cannot be used
            return Problems.response(request, ProblemType.UNPROCESSABLE, e.getMessage(), List.of(new Problem.FieldError(e.field(),
                    e.getMessage())));
        }
        ImportDto dto = new ImportDto(SlaController.toDto(result.calendar()), result.created(), result.from().toString(),
                result.to().toString(), result.holidays(), result.closures(), result.skipped());
        return result.created() ? HttpResponse.created(dto, URI.create("/api/v1/calendars/" + id)) : HttpResponse.ok(dto);
    }

    @Get(value = "/{id}:export", produces = TEXT_CALENDAR)
    @Secured({"TENANT_ADMIN", "SUPERVISOR"})
    @Operation(summary = "The business calendar's holidays (all-day events) and closures (timed events, UTC) as an iCalendar file")
    HttpResponse<?> exportFile(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        return files.exportFile(Caller.of(authentication).tenant(), id)
                .<HttpResponse<?>>map(bytes -> HttpResponse.ok(bytes).contentType(TEXT_CALENDAR + "; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"" + id + ".ics\""))
                .orElseGet(() -> Problems.response(request, ProblemType.NOT_FOUND, "no calendar " + id, List.of()));
    }

    private static CalendarFileUseCase.Mode mode(String mode) {
        if (mode == null || mode.isBlank()) {
            return CalendarFileUseCase.Mode.MERGE;
        }
        try {
            return CalendarFileUseCase.Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("mode", "mode is MERGE or REPLACE");
        }
    }

    private static LocalDate date(String text, String field) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
        } catch (DateTimeException e) {
            throw new InvalidValueException(field, field + " is a date such as 2027-01-01");
        }
    }
}
