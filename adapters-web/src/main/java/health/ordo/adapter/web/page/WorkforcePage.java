package health.ordo.adapter.web.page;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.routing.ManageWorkerSchedulesUseCase;
import health.ordo.application.port.in.routing.ManageWorkforceUseCase;
import health.ordo.domain.routing.Queue;
import health.ordo.domain.routing.Worker;
import health.ordo.domain.routing.WorkerSchedule;
import health.ordo.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Queues and workers for tenant admins: every queue (team, site, weight, how long a claimed item stays reserved) and every
 * worker profile (team, site, the queues served, skills with proficiency, capacity, availability, and the schedule the
 * forecasts count: their calendar and time off), each created or changed through a form — the same use cases as
 * {@code PUT /api/v1/queues/{id}}, {@code PUT /api/v1/workers/{login}} and {@code PUT /api/v1/workers/{login}/schedule},
 * with the same checks; a refused value is shown next to its form, naming the field.
 */
@Controller("/ui/admin/workforce")
@Produces(MediaType.TEXT_HTML)
@Hidden
@Secured("TENANT_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
public class WorkforcePage {

    /** What a form shows: the values (as typed, when refused) and the refusal with its field. */
    public record Form(Map<String, String> values, String errorField, String error) {
    }

    /** One queue's line. */
    public record QueueRow(String id, String name, String team, String site, int weight, long reservationMinutes) {
    }

    /** One worker's line. */
    public record WorkerRow(String login, String team, String site, String queues, String skills, int capacity, boolean available,
                            String hours) {
    }

    /** The page. */
    public record Workforce(List<QueueRow> queues, List<WorkerRow> workers, Form queueForm, Form workerForm, String saved) {
    }

    private final Pages pages;
    private final ManageWorkforceUseCase workforce;
    private final ManageWorkerSchedulesUseCase schedules;

    WorkforcePage(Pages pages, ManageWorkforceUseCase workforce, ManageWorkerSchedulesUseCase schedules) {
        this.pages = pages;
        this.workforce = workforce;
        this.schedules = schedules;
    }

    @Get
    HttpResponse<?> workforce(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String queue,
                              @Nullable @QueryValue String worker, @Nullable @QueryValue String saved) {
        Caller caller = Caller.of(authentication);
        Form queueForm = new Form(queue == null ? Map.of() : workforce.queue(caller.tenant(), queue).map(WorkforcePage::values)
                .orElse(Map.of("id", queue)), null, null);
        Form workerForm = new Form(worker == null ? Map.of() : workforce.worker(caller.tenant(), worker)
                .map(w -> values(w, schedules.schedule(caller.tenant(), w.login()))).orElse(Map.of("login", worker, "available", "on")), null, null);
        return render(request, authentication, HttpStatus.OK, queueForm, workerForm, saved);
    }

    @Post(value = "/queues", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveQueue(HttpRequest<?> request, Authentication authentication, @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        Caller caller = Caller.of(authentication);
        try {
            String id = required(form, "id");
            Integer minutes = number(form, "reservationMinutes");
            workforce.saveQueue(new Queue(caller.tenant(), id, blank(form.get("name")) ? id : form.get("name").strip(), text(form, "team"),
                    text(form, "site"), number(form, "weight") == null ? 1 : number(form, "weight"),
                    minutes == null ? null : Duration.ofMinutes(minutes)));
            return Pages.seeOther("/ui/admin/workforce?saved=queue");
        } catch (InvalidValueException e) {
            return render(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, new Form(form == null ? Map.of() : form, e.field(), e.getMessage()),
                    new Form(Map.of(), null, null), null);
        }
    }

    @Post(value = "/workers", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveWorker(HttpRequest<?> request, Authentication authentication, @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        Caller caller = Caller.of(authentication);
        try {
            String login = required(form, "login");
            List<String> queues = list(form.get("queues"));
            for (int i = 0; i < queues.size(); i++) {
                String id = queues.get(i);
                InvalidValueException.require(workforce.queue(caller.tenant(), id).isPresent(), "queues", "there is no queue " + id);
            }
            Integer capacity = number(form, "capacity");
            Worker worker = new Worker(caller.tenant(), login, text(form, "team"), text(form, "site"), queues, skills(form.get("skills")),
                    capacity == null ? 10 : capacity, form.containsKey("available"));
            WorkerSchedule schedule = new WorkerSchedule(caller.tenant(), login, text(form, "calendar"), WorkforceText.timeOff(form.get("timeOff")));
            // an existing worker's schedule first, so a calendar the tenant lacks leaves the profile unchanged too
            boolean existed = workforce.worker(caller.tenant(), login).isPresent();
            if (existed) {
                schedules.save(schedule);
            }
            workforce.saveWorker(worker);
            if (!existed) {
                schedules.save(schedule);
            }
            return Pages.seeOther("/ui/admin/workforce?saved=worker");
        } catch (InvalidValueException e) {
            return render(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, new Form(Map.of(), null, null),
                    new Form(form == null ? Map.of() : form, e.field(), e.getMessage()), null);
        }
    }

    private HttpResponse<?> render(HttpRequest<?> request, Authentication authentication, HttpStatus status, Form queueForm, Form workerForm,
                                   String saved) {
        Caller caller = Caller.of(authentication);
        Layout layout = pages.layout(request, authentication, "@workforce.title", "workforce");
        List<QueueRow> queues = workforce.queues(caller.tenant()).stream().map(q -> new QueueRow(q.id(), q.name(), q.team(), q.site(),
                q.weight(), q.reservationTimeout() == null ? Queue.DEFAULT_RESERVATION_TIMEOUT.toMinutes() : q.reservationTimeout().toMinutes()))
                .toList();
        java.time.LocalDate today = java.time.LocalDate.now(layout.zone());
        Map<String, WorkerSchedule> stored = schedules.schedules(caller.tenant()); // one read for every worker's line
        List<WorkerRow> workers = workforce.workers(caller.tenant()).stream().map(w -> new WorkerRow(w.login(), w.team(), w.site(),
                String.join(", ", w.queues()), skillsText(w.skills()), w.capacity(), w.available(),
                WorkforceText.hours(stored.getOrDefault(w.login(), WorkerSchedule.standard(caller.tenant(), w.login())), today,
                        layout.t().get("workforce.defaultCalendar"), layout.t().get("workforce.off")))).toList();
        String shown = "queue".equals(saved) || "worker".equals(saved) ? layout.t().get("workforce.saved." + saved) : null;
        return pages.page(request, authentication, status, "workforce", layout, new Workforce(queues, workers, queueForm, workerForm, shown));
    }

    private static Map<String, String> values(Queue q) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", q.id());
        values.put("name", q.name());
        values.put("team", q.team() == null ? "" : q.team());
        values.put("site", q.site() == null ? "" : q.site());
        values.put("weight", String.valueOf(q.weight()));
        values.put("reservationMinutes", q.reservationTimeout() == null ? "" : String.valueOf(q.reservationTimeout().toMinutes()));
        return values;
    }

    private static Map<String, String> values(Worker w, WorkerSchedule schedule) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("login", w.login());
        values.put("team", w.team() == null ? "" : w.team());
        values.put("site", w.site() == null ? "" : w.site());
        values.put("queues", String.join(", ", w.queues()));
        values.put("skills", skillsText(w.skills()));
        values.put("capacity", String.valueOf(w.capacity()));
        if (w.available()) {
            values.put("available", "on");
        }
        values.put("calendar", schedule.calendar() == null ? "" : schedule.calendar());
        values.put("timeOff", WorkforceText.timeOffText(schedule));
        return values;
    }

    private static String skillsText(Map<String, Integer> skills) {
        return new TreeMap<>(skills).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** {@code appeals=3, coding=2}: each skill with its proficiency. */
    private static Map<String, Integer> skills(String text) {
        Map<String, Integer> skills = new LinkedHashMap<>();
        for (String part : list(text)) {
            String[] pair = part.split("=", 2);
            InvalidValueException.require(pair.length == 2 && !pair[0].isBlank(), "skills", "write each skill as name=level, e.g. appeals=3");
            try {
                skills.put(pair[0].strip(), Integer.parseInt(pair[1].strip()));
            } catch (NumberFormatException e) {
                throw new InvalidValueException("skills." + pair[0].strip(), "a proficiency is a whole number from 1 to 5");
            }
        }
        return skills;
    }

    private static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String required(Map<String, String> form, String field) {
        InvalidValueException.require(form != null && !blank(form.get(field)), field, field + " is required");
        return form.get(field).strip();
    }

    private static String text(Map<String, String> form, String field) {
        return blank(form.get(field)) ? null : form.get(field).strip();
    }

    private static Integer number(Map<String, String> form, String field) {
        if (blank(form.get(field))) {
            return null;
        }
        try {
            return Integer.parseInt(form.get(field).strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, field + " must be a whole number");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
