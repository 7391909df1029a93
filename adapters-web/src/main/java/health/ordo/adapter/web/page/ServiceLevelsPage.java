package health.ordo.adapter.web.page;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.approval.ApprovalRequiredException;
import health.ordo.application.port.in.routing.ManageWorkforceUseCase;
import health.ordo.application.port.in.sla.ManageSlaUseCase;
import health.ordo.domain.routing.RoutingCondition;
import health.ordo.domain.routing.RoutingRule;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.sla.BusinessCalendar;
import health.ordo.domain.sla.EscalationAction;
import health.ordo.domain.sla.SlaPolicy;
import health.ordo.domain.sla.SlaStage;
import health.ordo.domain.sla.SlaTerms;
import health.ordo.domain.workitem.SkillRequirement;
import health.ordo.domain.workitem.WorkItemType;
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
                         String deadlineHours, int approachingPercent, String escalations, boolean active, String whenText,
                         String escalationsText) {
    }

    /** One routing rule. */
    public record Rule(String id, int position, String when, String queue, String skills, int size) {
    }

    /** The page: policies, rules, calendars and queues to choose from, what the forms edit, a message or a refusal. */
    public record ServiceLevels(List<Policy> policies, List<Rule> rules, List<String> calendars, Policy editing, String message,
                                String errorField, String error, List<String> queues, Map<String, String> ruleForm, List<String> types) {

        /** Whether the terms form creates a policy rather than changing one. */
        public boolean creating() {
            return editing.policyId().isEmpty();
        }
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
        String message = "saved".equals(m) || "held".equals(m) || "rule-saved".equals(m) || "rule-deleted".equals(m) ? "serviceLevels.m." + m : null;
        return render(request, authentication, HttpStatus.OK, edit, message, null, null);
    }

    /** Creates or replaces a routing rule: conditions one per line ({@code field operator value}), skills as {@code skill=level}. */
    @Post(value = "/rules", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveRule(HttpRequest<?> request, Authentication authentication, @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        Caller caller = Caller.of(authentication);
        Map<String, String> typed = new java.util.LinkedHashMap<>(form == null ? Map.of() : form);
        typed.remove("_csrf");
        try {
            List<RoutingCondition> when = conditions(typed.get("when"));
            List<SkillRequirement> skills = new java.util.ArrayList<>();
            for (String part : typed.getOrDefault("skills", "").split(",")) {
                if (!part.isBlank()) {
                    String[] pair = part.strip().split("=", 2);
                    InvalidValueException.require(pair.length == 2, "skills", "write each skill as name=level, e.g. appeals=3");
                    try {
                        skills.add(new SkillRequirement(pair[0].strip(), Integer.parseInt(pair[1].strip()), null));
                    } catch (NumberFormatException e) {
                        throw new InvalidValueException("skills", "a proficiency is a whole number from 1 to 5");
                    }
                }
            }
            workforce.saveRule(new RoutingRule(caller.tenant(), typed.getOrDefault("id", "").strip(), whole(typed, "position", 100), when,
                    typed.get("targetQueue"), skills, whole(typed, "size", 1)));
            return Pages.seeOther("/ui/admin/service-levels?m=rule-saved");
        } catch (InvalidValueException | health.ordo.application.port.in.NotFoundException e) {
            String field = e instanceof InvalidValueException invalid ? invalid.field() : "targetQueue";
            return render(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, null, null, field, e.getMessage(), typed);
        }
    }

    @Post(value = "/rules/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deleteRule(HttpRequest<?> request, Authentication authentication, @io.micronaut.http.annotation.PathVariable String id,
                               @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        workforce.deleteRule(Caller.of(authentication).tenant(), id);
        return Pages.seeOther("/ui/admin/service-levels?m=rule-deleted");
    }

    /** Conditions one per line: {@code field operator value} (no value for {@code exists}). */
    static List<RoutingCondition> conditions(String text) {
        List<RoutingCondition> when = new java.util.ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            if (!line.isBlank()) {
                String[] parts = line.strip().split("\\s+", 3);
                InvalidValueException.require(parts.length >= 2, "when", "write each condition as: field operator value, e.g. attributes.payer eq Aetna");
                when.add(new RoutingCondition(parts[0], parts[1], parts.length == 3 ? parts[2] : null));
            }
        }
        return when;
    }

    /** Escalations one per line: the stage, then any of {@code raise=10}, {@code move=<queue>}, {@code reassign=<login>}, {@code notify}. */
    static List<EscalationAction> escalations(String text) {
        List<EscalationAction> ladder = new java.util.ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] tokens = line.strip().split("\\s+");
            SlaStage stage;
            try {
                stage = SlaStage.valueOf(tokens[0].toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("escalations.stage", "a line starts with the stage, one of " + List.of(SlaStage.values()));
            }
            BigDecimal raise = null;
            String move = null;
            String reassign = null;
            boolean notify = false;
            for (int i = 1; i < tokens.length; i++) {
                String[] pair = tokens[i].split("=", 2);
                switch (pair[0]) {
                    case "notify" -> notify = true;
                    case "raise" -> raise = decimal(pair);
                    case "move" -> move = pair.length == 2 ? pair[1] : null;
                    case "reassign" -> reassign = pair.length == 2 ? pair[1] : null;
                    default -> throw new InvalidValueException("escalations", "unknown escalation " + tokens[i]
                            + ": write raise=<points>, move=<queue>, reassign=<login> or notify");
                }
            }
            ladder.add(new EscalationAction(stage, raise, move, reassign, notify));
        }
        return ladder;
    }

    private static BigDecimal decimal(String[] pair) {
        try {
            return new BigDecimal(pair.length == 2 ? pair[1] : "");
        } catch (NumberFormatException e) {
            throw new InvalidValueException("escalations.raisePriorityBy", "raise=<points>, a number from 0 to 100");
        }
    }

    private static String escalationLines(List<EscalationAction> ladder) {
        return ladder.stream().map(e -> String.join(" ", java.util.stream.Stream.of(e.stage().name(),
                e.raisePriorityBy() == null ? null : "raise=" + e.raisePriorityBy().stripTrailingZeros().toPlainString(),
                e.moveToQueue() == null ? null : "move=" + e.moveToQueue(), e.reassignTo() == null ? null : "reassign=" + e.reassignTo(),
                e.sendNotification() ? "notify" : null).filter(java.util.Objects::nonNull).toList())).collect(Collectors.joining("\n"));
    }

    private static int whole(Map<String, String> form, String field, int fallback) {
        String text = form.get(field);
        try {
            return text == null || text.isBlank() ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, field + " is a whole number");
        }
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(HttpRequest<?> request, Authentication authentication, @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        Caller caller = Caller.of(authentication);
        String policyId = form == null ? null : form.get("policyId");
        SlaPolicy current = sla.policies(caller.tenant()).stream().filter(p -> p.policyId().equals(policyId) && p.active()).findFirst()
                .orElse(null);
        try {
            InvalidValueException.require(current != null || form.containsKey("appliesTo"), "policyId", "no active SLA policy " + policyId);
            WorkItemType type = current != null ? current.appliesTo() : type(form.get("appliesTo"));
            SlaTerms terms = new SlaTerms(hours(form, "goalHours"), hours(form, "deadlineHours"), percent(form.get("approachingPercent")));
            String calendar = form.getOrDefault("calendarId", current == null ? "default" : current.calendarId());
            List<RoutingCondition> when = form.containsKey("when") || current == null ? conditions(form.get("when")) : current.when();
            List<EscalationAction> escalations = form.containsKey("escalations") || current == null ? escalations(form.get("escalations"))
                    : current.escalations();
            sla.savePolicy(new SlaPolicy(caller.tenant(), policyId == null ? null : policyId.strip(), 0, type, when, calendar, terms,
                    escalations, current == null ? null : current.repeatEvery(), true), caller.actor());
            return Pages.seeOther("/ui/admin/service-levels?m=saved");
        } catch (ApprovalRequiredException e) {
            return Pages.seeOther("/ui/admin/service-levels?m=held");
        } catch (InvalidValueException e) {
            return render(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, current == null ? null : policyId, null, e.field(), e.getMessage());
        }
    }

    private static WorkItemType type(String text) {
        try {
            return WorkItemType.valueOf(String.valueOf(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("appliesTo", "appliesTo is a type of work, one of " + List.of(WorkItemType.values()));
        }
    }

    private HttpResponse<?> render(HttpRequest<?> request, Authentication authentication, HttpStatus status, String edit, String message,
                                   String errorField, String error) {
        return render(request, authentication, status, edit, message, errorField, error, null);
    }

    private HttpResponse<?> render(HttpRequest<?> request, Authentication authentication, HttpStatus status, String edit, String message,
                                   String errorField, String error, Map<String, String> ruleForm) {
        Caller caller = Caller.of(authentication);
        Layout layout = pages.layout(request, authentication, "@serviceLevels.title", "service-levels");
        List<Policy> policies = sla.policies(caller.tenant()).stream()
                .sorted(Comparator.comparing(SlaPolicy::policyId).thenComparing(SlaPolicy::version, Comparator.reverseOrder()))
                .map(ServiceLevelsPage::policy).toList();
        List<Rule> rules = workforce.rules(caller.tenant()).stream().sorted(Comparator.comparingInt(RoutingRule::position))
                .map(r -> new Rule(r.id(), r.position(), conditionsText(r.when()), r.targetQueue(), r.skills().stream()
                        .map(s -> s.skill() + " ≥ " + s.minProficiency() + (s.relaxAfter() == null ? "" : " (relaxed after " + s.relaxAfter() + ")"))
                        .collect(Collectors.joining(", ")), r.size())).toList();
        List<String> calendars = new java.util.ArrayList<>(sla.calendars(caller.tenant()).stream().map(BusinessCalendar::id).toList());
        if (!calendars.contains("default")) {
            calendars.add(0, "default");
        }
        Policy editing = edit == null ? null : policies.stream().filter(p -> p.policyId().equals(edit) && p.active()).findFirst().orElse(null);
        if (editing == null) { // a new policy
            editing = new Policy("", 0, "", "—", "default", "16", "40", 80, "", false, "", "");
        }
        List<String> queues = workforce.queues(caller.tenant()).stream().map(health.ordo.domain.routing.Queue::id).toList();
        return pages.page(request, authentication, status, "service-levels", layout,
                new ServiceLevels(policies, rules, calendars, editing, message, errorField, error, queues, ruleForm == null ? Map.of() : ruleForm,
                        java.util.Arrays.stream(WorkItemType.values()).map(Enum::name).toList()));
    }

    private static Policy policy(SlaPolicy p) {
        String escalations = p.escalations().stream().map(e -> e.stage() + ": " + String.join(", ", java.util.stream.Stream.of(
                        e.raisePriorityBy() == null || e.raisePriorityBy().signum() == 0 ? null : "+" + e.raisePriorityBy().stripTrailingZeros().toPlainString(),
                        e.moveToQueue() == null ? null : "→ " + e.moveToQueue(), e.reassignTo() == null ? null : "→ " + e.reassignTo(),
                        e.sendNotification() ? "notify" : null).filter(java.util.Objects::nonNull).toList()))
                .collect(Collectors.joining("; "));
        return new Policy(p.policyId(), p.version(), p.appliesTo().name(), conditionsText(p.when()), p.calendarId(), hoursText(p.terms().goal()),
                hoursText(p.terms().deadline()), p.terms().approachingPercent(), escalations, p.active(),
                p.when().stream().map(c -> c.field() + " " + c.operator() + (c.value() == null ? "" : " " + c.value())).collect(Collectors.joining("\n")),
                escalationLines(p.escalations()));
    }

    private static String conditionsText(List<RoutingCondition> when) {
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
