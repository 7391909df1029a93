package health.ordo.adapter.web.page;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.sla.CalendarFileUseCase;
import health.ordo.application.port.in.sla.ManageSlaUseCase;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.sla.BusinessCalendar;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Business calendars for tenant admins: each calendar's zone, working days and coming holidays, its iCalendar file to
 * download, and an import of an {@code .ics} file from HR or payroll through the same use case as
 * {@code POST /api/v1/calendars/{id}:import}.
 */
@Controller("/ui/admin/calendars")
@Produces(MediaType.TEXT_HTML)
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
public class CalendarsPage {

    /** A calendar as the page lists it. */
    public record Row(String id, String zone, String workingDays, int holidays, List<String> upcoming, int closures) {
    }

    /** The import's outcome, when one was just made. */
    public record Imported(String calendar, boolean created, int holidays, int closures, List<String> skipped) {
    }

    /** The page: the calendars, the form's values, the outcome of an import or the field at fault. */
    public record View(List<Row> calendars, String calendar, String mode, Imported imported, String errorField, String error) {
    }

    private final Pages pages;
    private final ManageSlaUseCase sla;
    private final CalendarFileUseCase files;

    CalendarsPage(Pages pages, ManageSlaUseCase sla, CalendarFileUseCase files) {
        this.pages = pages;
        this.sla = sla;
        this.files = files;
    }

    @Get
    @Secured("TENANT_ADMIN")
    HttpResponse<?> list(HttpRequest<?> request, Authentication authentication) {
        return render(request, authentication, HttpStatus.OK, null, "MERGE", null, null, null);
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured("TENANT_ADMIN")
    HttpResponse<?> importFile(HttpRequest<?> request, Authentication authentication, @Nullable @Part("_csrf") String csrf,
                               @Nullable @Part("calendar") String calendar, @Nullable @Part("mode") String mode,
                               @Nullable CompletedFileUpload file) throws IOException {
        pages.csrf().verify(request, csrf == null ? Map.of() : Map.of(PageCsrf.FIELD, csrf));
        String id = calendar == null ? "" : calendar.strip();
        String chosenMode = "REPLACE".equals(mode) ? "REPLACE" : "MERGE";
        if (file == null || file.getSize() == 0) {
            return render(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, id, chosenMode, null, "file",
                    pages.texts(request, authentication).get("calendars.noFile"));
        }
        try {
            CalendarFileUseCase.ImportResult result = files.importFile(new CalendarFileUseCase.ImportRequest(Caller.of(authentication).tenant(), id,
                    file.getBytes(), CalendarFileUseCase.Mode.valueOf(chosenMode), null, null, null));
            return render(request, authentication, HttpStatus.OK, id, chosenMode, new Imported(id, result.created(), result.holidays(),
                    result.closures(), result.skipped()), null, null);
        } catch (InvalidValueException e) {
            return render(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, id, chosenMode, null, e.field(), e.getMessage());
        }
    }

    @Get(value = "/{id}/export", produces = "text/calendar")
    @Secured("TENANT_ADMIN")
    HttpResponse<?> export(Authentication authentication, @PathVariable String id) {
        return files.exportFile(Caller.of(authentication).tenant(), id)
                .<HttpResponse<?>>map(bytes -> HttpResponse.ok(bytes).contentType("text/calendar; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"" + id + ".ics\""))
                .orElseGet(HttpResponse::notFound);
    }

    private HttpResponse<?> render(HttpRequest<?> request, Authentication authentication, HttpStatus status, String calendar, String mode,
                                   Imported imported, String errorField, String error) {
        TenantId tenant = Caller.of(authentication).tenant();
        Locale locale = request.getLocale().orElse(Locale.ENGLISH);
        List<Row> rows = sla.calendars(tenant).stream().map(c -> row(c, locale)).toList();
        String chosen = calendar != null ? calendar : rows.isEmpty() ? "" : rows.get(0).id();
        return pages.page(request, authentication, status, "calendars", pages.layout(request, authentication, "@calendars.title", "calendars"),
                new View(rows, chosen, mode, imported, errorField, error));
    }

    private static Row row(BusinessCalendar calendar, Locale locale) {
        LocalDate today = LocalDate.now(calendar.zone());
        String days = calendar.hours().entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey().getDisplayName(TextStyle.SHORT, locale) + " " + e.getValue().stream()
                        .map(w -> w.start() + "–" + w.end()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        List<String> upcoming = calendar.holidays().stream().filter(d -> !d.isBefore(today)).sorted().limit(5)
                .map(d -> d + " (" + d.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale) + ")").toList();
        return new Row(calendar.id(), calendar.zone().getId(), days, calendar.holidays().size(), upcoming, calendar.closures().size());
    }

}
