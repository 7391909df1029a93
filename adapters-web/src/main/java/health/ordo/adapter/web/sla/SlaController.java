package health.ordo.adapter.web.sla;

import com.fasterxml.jackson.annotation.JsonInclude;
import health.ordo.adapter.web.problem.Problem;
import health.ordo.adapter.web.problem.ProblemType;
import health.ordo.adapter.web.problem.Problems;
import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.sla.GetSlaQuery;
import health.ordo.application.port.in.sla.ManageSlaUseCase;
import health.ordo.application.port.in.workitem.WorkItemNotFoundException;
import health.ordo.domain.routing.RoutingCondition;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.sla.BusinessCalendar;
import health.ordo.domain.sla.EscalationAction;
import health.ordo.domain.sla.SlaClock;
import health.ordo.domain.sla.SlaPolicy;
import health.ordo.domain.sla.SlaStage;
import health.ordo.domain.sla.SlaTerms;
import health.ordo.domain.sla.WorkingWindow;
import health.ordo.domain.workitem.WorkItemId;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.math.BigDecimal;
import java.net.URI;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Service levels over HTTP: an item's clock, calendars and SLA policies. Invalid documents are 422 naming the field. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Service levels")
class SlaController {

    @Serdeable
    record WindowDto(@Schema(example = "09:00") @Nullable String start, @Schema(example = "17:00") @Nullable String end) {
    }

    @Serdeable
    record ClosureDto(@Nullable String from, @Nullable String to) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "BusinessCalendar")
    record CalendarDto(@Nullable String id, @Schema(example = "America/New_York") @Nullable String zone,
                       @Schema(description = "weekday → windows; a window ending before it starts crosses midnight")
                       @Nullable Map<String, List<WindowDto>> hours,
                       @Schema(example = "[\"2026-12-25\"]") @Nullable List<String> holidays, @Nullable List<ClosureDto> closures) {
    }

    @Serdeable
    record ConditionDto(@Nullable String field, @Nullable String operator, @Nullable String value) {
    }

    @Serdeable
    @Schema(name = "Escalation")
    record EscalationDto(@Schema(allowableValues = {"GOAL_REACHED", "DEADLINE_APPROACHING", "DEADLINE_REACHED", "PASSED_DEADLINE"})
                         @Nullable String stage, @Nullable BigDecimal raisePriorityBy, @Nullable String moveToQueue,
                         @Nullable String reassignTo, @Nullable Boolean sendNotification) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "SlaPolicy", description = "goal, deadline and repeatEvery are ISO-8601 durations of business time, e.g. PT16H")
    record PolicyDto(@Nullable String policyId, @Nullable Integer version, @Nullable String appliesTo,
                     @Nullable List<ConditionDto> when, @Nullable String calendarId, @Schema(example = "PT16H") @Nullable String goal,
                     @Schema(example = "PT40H") @Nullable String deadline, @Nullable Integer approachingPercent,
                     @Nullable List<EscalationDto> escalations, @Schema(example = "PT4H") @Nullable String repeatEvery,
                     @Nullable Boolean active) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "SlaClock")
    record ClockDto(String workItemId, @Nullable String policyId, @Nullable Integer policyVersion, String state,
                    @Nullable Long elapsedSeconds, @Nullable Long remainingSeconds, @Nullable String goalAt,
                    @Nullable String approachingAt, @Nullable String deadlineAt, boolean hardDeadlineBinding,
                    List<ClosureDto> paused, List<FiredDto> escalationsFired) {
    }

    @Serdeable
    record FiredDto(String stage, String dueAt, String firedAt, boolean late) {
    }

    private final ManageSlaUseCase sla;
    private final GetSlaQuery query;

    SlaController(ManageSlaUseCase sla, GetSlaQuery query) {
        this.sla = sla;
        this.query = query;
    }

    @Get("/work-items/{id}/sla")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "The item's SLA clock: state, elapsed and remaining business time, goal/deadline, pauses, escalations fired")
    ClockDto clock(Authentication authentication, @PathVariable String id) {
        WorkItemId itemId = WorkItemId.parse(id);
        GetSlaQuery.SlaView view = query.sla(Caller.of(authentication).tenant(), itemId)
                .orElseThrow(() -> new WorkItemNotFoundException(itemId));
        List<FiredDto> fired = view.fired().stream().map(f -> new FiredDto(f.stage(), f.dueAt().toString(), f.firedAt().toString(),
                f.late())).toList();
        SlaClock clock = view.clock();
        if (clock == null) {
            return new ClockDto(id, null, null, "NONE", null, null, null, null, null, false, List.of(), fired);
        }
        return new ClockDto(id, view.policy().policyId(), view.policy().version(), clock.state().name(), clock.elapsed().toSeconds(),
                clock.remaining().toSeconds(), iso(clock.goalAt()), iso(clock.approachingAt()), iso(clock.deadlineAt()),
                clock.hardDeadlineBinding(), clock.paused().stream().map(p -> new ClosureDto(p.from().toString(), p.to().toString())).toList(),
                fired);
    }

    @Serdeable
    record CalendarList(List<CalendarDto> items) {
    }

    @Get("/calendars")
    @Secured({"TENANT_ADMIN", "SUPERVISOR"})
    @io.swagger.v3.oas.annotations.Operation(summary = "The tenant's business calendars (the standard Monday-Friday one included)")
    CalendarList calendars(Authentication authentication) {
        return new CalendarList(sla.calendars(Caller.of(authentication).tenant()).stream().map(SlaController::toDto).toList());
    }

    @Get("/calendars/{id}")
    @Secured({"TENANT_ADMIN", "SUPERVISOR"})
    HttpResponse<?> calendar(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        return sla.calendar(Caller.of(authentication).tenant(), id).<HttpResponse<?>>map(c -> HttpResponse.ok(toDto(c)))
                .orElseGet(() -> Problems.response(request, ProblemType.NOT_FOUND, "no calendar " + id, List.of()));
    }

    @Put(value = "/calendars/{id}", consumes = MediaType.APPLICATION_JSON)
    @Secured("TENANT_ADMIN")
    @Operation(summary = "Create or change a business calendar (hours per weekday, holidays, closures)")
    HttpResponse<?> saveCalendar(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                 @Body CalendarDto body) {
        TenantId tenant = Caller.of(authentication).tenant();
        boolean existed = sla.calendar(tenant, id).isPresent();
        return unprocessable(request, () -> existed ? HttpResponse.ok(toDto(sla.saveCalendar(toCalendar(tenant, id, body))))
                : HttpResponse.created(toDto(sla.saveCalendar(toCalendar(tenant, id, body))), URI.create("/api/v1/calendars/" + id)));
    }

    @Get("/sla-policies")
    @Secured({"TENANT_ADMIN", "SUPERVISOR"})
    List<PolicyDto> policies(Authentication authentication) {
        return sla.policies(Caller.of(authentication).tenant()).stream().map(SlaController::toDto).toList();
    }

    @Post(value = "/sla-policies", consumes = MediaType.APPLICATION_JSON)
    @Secured("TENANT_ADMIN")
    @Operation(summary = "Create the next version of an SLA policy; it becomes the active version (202 when maker-checker holds it)")
    HttpResponse<?> createPolicy(HttpRequest<?> request, Authentication authentication, @Body PolicyDto body) {
        TenantId tenant = Caller.of(authentication).tenant();
        return unprocessable(request, () -> {
            SlaPolicy saved = sla.savePolicy(toPolicy(tenant, body), Caller.of(authentication).actor());
            return HttpResponse.created(toDto(saved), URI.create("/api/v1/sla-policies"));
        });
    }

    private static HttpResponse<?> unprocessable(HttpRequest<?> request, Supplier<HttpResponse<?>> action) {
        try {
            return action.get();
        } catch (InvalidValueException e) {
            return Problems.response(request, ProblemType.UNPROCESSABLE, e.getMessage(), List.of(new Problem.FieldError(e.field(),
                    e.getMessage())));
        }
    }

    private static BusinessCalendar toCalendar(TenantId tenant, String id, CalendarDto body) {
        Map<DayOfWeek, List<WorkingWindow>> hours = new EnumMap<>(DayOfWeek.class);
        (body.hours() == null ? Map.<String, List<WindowDto>>of() : body.hours()).forEach((day, windows) -> {
            DayOfWeek weekday;
            try {
                weekday = DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("hours." + day, "'" + day + "' is not a weekday such as MONDAY");
            }
            hours.put(weekday, windows.stream().map(w -> new WorkingWindow(time(w.start(), "hours." + day), time(w.end(), "hours." + day)))
                    .toList());
        });
        return new BusinessCalendar(tenant, id, body.zone(), hours,
                (body.holidays() == null ? List.<String>of() : body.holidays()).stream().map(SlaController::date).collect(Collectors.toSet()),
                (body.closures() == null ? List.<ClosureDto>of() : body.closures()).stream()
                        .map(c -> new BusinessCalendar.Closure(instant(c.from(), "closures"), instant(c.to(), "closures"))).toList());
    }

    private static SlaPolicy toPolicy(TenantId tenant, PolicyDto body) {
        WorkItemType type;
        try {
            type = WorkItemType.valueOf(String.valueOf(body.appliesTo()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("appliesTo", "appliesTo is a work item type");
        }
        SlaTerms terms = new SlaTerms(businessTime(body.goal(), "goal"), businessTime(body.deadline(), "deadline"),
                body.approachingPercent() == null ? 80 : body.approachingPercent());
        List<EscalationAction> escalations = (body.escalations() == null ? List.<EscalationDto>of() : body.escalations()).stream()
                .map(e -> {
                    SlaStage stage;
                    try {
                        stage = SlaStage.valueOf(String.valueOf(e.stage()));
                    } catch (IllegalArgumentException ex) {
                        throw new InvalidValueException("escalations.stage", "stage is one of " + List.of(SlaStage.values()));
                    }
                    return new EscalationAction(stage, e.raisePriorityBy(), e.moveToQueue(), e.reassignTo(), Boolean.TRUE.equals(e.sendNotification()));
                }).toList();
        return new SlaPolicy(tenant, body.policyId(), 0, type,
                (body.when() == null ? List.<ConditionDto>of() : body.when()).stream()
                        .map(c -> new RoutingCondition(c.field(), c.operator(), c.value())).toList(),
                body.calendarId(), terms, escalations, body.repeatEvery() == null ? null : duration(body.repeatEvery(), "repeatEvery"), true);
    }

    static CalendarDto toDto(BusinessCalendar calendar) {
        Map<String, List<WindowDto>> hours = new LinkedHashMap<>();
        calendar.hours().forEach((day, windows) -> hours.put(day.name(),
                windows.stream().map(w -> new WindowDto(w.start().toString(), w.end().toString())).toList()));
        return new CalendarDto(calendar.id(), calendar.zone().getId(), hours,
                calendar.holidays().stream().sorted().map(LocalDate::toString).toList(),
                calendar.closures().stream().map(c -> new ClosureDto(c.from().toString(), c.to().toString())).toList());
    }

    private static PolicyDto toDto(SlaPolicy policy) {
        return new PolicyDto(policy.policyId(), policy.version(), policy.appliesTo().name(),
                policy.when().stream().map(c -> new ConditionDto(c.field(), c.operator(), c.value())).toList(), policy.calendarId(),
                policy.terms().goal().toString(), policy.terms().deadline().toString(), policy.terms().approachingPercent(),
                policy.escalations().stream().map(e -> new EscalationDto(e.stage().name(), e.raisePriorityBy(), e.moveToQueue(),
                        e.reassignTo(), e.sendNotification())).toList(),
                policy.repeatEvery() == null ? null : policy.repeatEvery().toString(), policy.active());
    }

    private static LocalTime time(String text, String field) {
        try {
            return LocalTime.parse(String.valueOf(text));
        } catch (DateTimeException e) {
            throw new InvalidValueException(field, field + " times are HH:MM");
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException | NullPointerException e) {
            throw new InvalidValueException("holidays", "holidays are dates like 2026-12-25");
        }
    }

    private static Instant instant(String text, String field) {
        try {
            return java.time.OffsetDateTime.parse(String.valueOf(text)).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidValueException(field, field + " are ISO-8601 date-times with offset");
        }
    }

    /**
     * Goals and deadlines count business time: hours and minutes (PT16H is two 8-hour business days). A duration in days
     * (P2D) would be read as 48 business hours — six such days — so it is refused rather than guessed.
     */
    private static Duration businessTime(String text, String field) {
        Duration duration = duration(text, field);
        InvalidValueException.require(!text.strip().toUpperCase(java.util.Locale.ROOT).matches("P\\d+D.*"), field,
                field + " counts business time in hours and minutes, e.g. PT16H for two 8-hour business days; days are ambiguous");
        return duration;
    }

    private static Duration duration(String text, String field) {
        try {
            InvalidValueException.require(text != null, field, field + " is required, e.g. PT16H");
            return Duration.parse(text);
        } catch (DateTimeException e) {
            throw new InvalidValueException(field, field + " is an ISO-8601 duration such as PT16H");
        }
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
