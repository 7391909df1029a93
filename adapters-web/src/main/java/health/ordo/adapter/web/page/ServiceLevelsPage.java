package health.ordo.adapter.web.page;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.approval.ApprovalRequiredException;
import health.ordo.application.port.in.routing.ManageWorkforceUseCase;
import health.ordo.application.port.in.sla.ManageSlaUseCase;
import health.ordo.domain.routing.RoutingCondition;
import health.ordo.domain.routing.RoutingRule;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.sla.BusinessCalendar;
import health.ordo.domain.sla.SlaPolicy;
import health.ordo.domain.sla.SlaTerms;
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

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SLA policies and routing rules for tenant admins: every SLA policy version (the work it covers, its calendar, goal and
 * deadline in business hours, when it counts as approaching, its escalation ladder), with a form that sets the goal,
 * deadline, threshold and calendar of a policy as its next version (held for a second person when the tenant's
 * maker-checker rules say so); and the routing rules in the order they are tried. The same use cases as
 * {@code POST /api/v1/sla-policies} and {@code /api/v1/routing-rules}; conditions and escalation ladders are changed
 * through the API.
 */
@Controller("/ui/admin/service-levels")
@Produces(MediaType.TEXT_HTML)
@Hidden
@Secured("TENANT_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ServiceLevelsPage {

    /** One SLA policy version. */
    public record Policy(String policyId, int version, String appliesTo, String when, String calendar, String goalHours,
                         String deadlineHours, int approachingPercent, String escalations, boolean active) {
    }

    /** One routing rule. */
    public record Rule(String id, int position, String when, String queue, String skills, int size) {
    }

    /** The page: policies, rules, calendars to choose from, the policy the form edits, a message or a refusal. */
    public record ServiceLevels(List<Policy> policies, List<Rule> rules, List<String> calendars, Policy editing, String message,
                                String errorField, String error) {
    }

    private final Pages pages;
    private final ManageSlaUseCase sla;
    private final ManageWorkforceUseCase workforce;

    ServiceLevelsPage(Pages pages, ManageSlaUseCase sla, ManageWorkforceUseCase workforce) {
        this.pages = pages;
        this.sla = sla;
        this.workforce = workforce;
    }

    @Get
    HttpResponse<?> page(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String edit,
                         @Nullable @QueryValue("m") String m) {
        String message = "saved".equals(m) || "held".equals(m) ? "serviceLevels.m." + m : null;
        return render(request, authentication, HttpStatus.OK, edit, message, null, null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(HttpRequest<?> request, Authentication authentication, @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        Caller caller = Caller.of(authentication);
        String policyId = form == null ? null : form.get("policyId");
        SlaPolicy current = sla.policies(caller.tenant()).stream().filter(p -> p.policyId().equals(policyId) && p.active()).findFirst()
                .orElse(null);
        if (current == null) {
            return render(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, null, null, "policyId", "no active SLA policy " + policyId);
        }
        try {
            SlaTerms terms = new SlaTerms(hours(form, "goalHours"), hours(form, "deadlineHours"), percent(form.get("approachingPercent")));
            String calendar = form.getOrDefault("calendarId", current.calendarId());
            sla.savePolicy(new SlaPolicy(caller.tenant(), current.policyId(), 0, current.appliesTo(), current.when(), calendar, terms,
                    current.escalations(), current.repeatEvery(), true), caller.actor());
            return Pages.seeOther("/ui/admin/service-levels?m=saved");
        } catch (ApprovalRequiredException e) {
            return Pages.seeOther("/ui/admin/service-levels?m=held");
        } catch (InvalidValueException e) {
            return render(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, policyId, null, e.field(), e.getMessage());
        }
    }

    private HttpResponse<?> render(HttpRequest<?> request, Authentication authentication, HttpStatus status, String edit, String message,
                                   String errorField, String error) {
        Caller caller = Caller.of(authentication);
        Layout layout = pages.layout(request, authentication, "@serviceLevels.title", "service-levels");
        List<Policy> policies = sla.policies(caller.tenant()).stream()
                .sorted(Comparator.comparing(SlaPolicy::policyId).thenComparing(SlaPolicy::version, Comparator.reverseOrder()))
                .map(ServiceLevelsPage::policy).toList();
        List<Rule> rules = workforce.rules(caller.tenant()).stream().sorted(Comparator.comparingInt(RoutingRule::position))
                .map(r -> new Rule(r.id(), r.position(), conditions(r.when()), r.targetQueue(), r.skills().stream()
                        .map(s -> s.skill() + " ≥ " + s.minProficiency() + (s.relaxAfter() == null ? "" : " (relaxed after " + s.relaxAfter() + ")"))
                        .collect(Collectors.joining(", ")), r.size())).toList();
        List<String> calendars = new java.util.ArrayList<>(sla.calendars(caller.tenant()).stream().map(BusinessCalendar::id).toList());
        if (!calendars.contains("default")) {
            calendars.add(0, "default");
        }
        Policy editing = edit == null ? null : policies.stream().filter(p -> p.policyId().equals(edit) && p.active()).findFirst().orElse(null);
        return pages.page(request, authentication, status, "service-levels", layout,
                new ServiceLevels(policies, rules, calendars, editing, message, errorField, error));
    }

    private static Policy policy(SlaPolicy p) {
        String escalations = p.escalations().stream().map(e -> e.stage() + ": " + String.join(", ", java.util.stream.Stream.of(
                        e.raisePriorityBy() == null || e.raisePriorityBy().signum() == 0 ? null : "+" + e.raisePriorityBy().stripTrailingZeros().toPlainString(),
                        e.moveToQueue() == null ? null : "→ " + e.moveToQueue(), e.reassignTo() == null ? null : "→ " + e.reassignTo(),
                        e.sendNotification() ? "notify" : null).filter(java.util.Objects::nonNull).toList()))
                .collect(Collectors.joining("; "));
        return new Policy(p.policyId(), p.version(), p.appliesTo().name(), conditions(p.when()), p.calendarId(), hoursText(p.terms().goal()),
                hoursText(p.terms().deadline()), p.terms().approachingPercent(), escalations, p.active());
    }

    private static String conditions(List<RoutingCondition> when) {
        return when.isEmpty() ? "—" : when.stream().map(c -> c.field() + " " + c.operator() + (c.value() == null ? "" : " " + c.value()))
                .collect(Collectors.joining(" and "));
    }

    private static String hoursText(Duration duration) {
        return BigDecimal.valueOf(duration.toMinutes()).divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    private static Duration hours(Map<String, String> form, String field) {
        try {
            BigDecimal hours = new BigDecimal(form.getOrDefault(field, "").strip());
            InvalidValueException.require(hours.signum() > 0, field, field + " is a positive number of business hours");
            return Duration.ofMinutes(hours.multiply(BigDecimal.valueOf(60)).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidValueException(field, field + " is a number of business hours, e.g. 16 or 7.5");
        }
    }

    private static int percent(String text) {
        try {
            return text == null || text.isBlank() ? 80 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("approachingPercent", "approachingPercent is a whole percentage");
        }
    }
}
