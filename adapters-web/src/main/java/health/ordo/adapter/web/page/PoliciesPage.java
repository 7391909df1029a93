package health.ordo.adapter.web.page;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.priority.ManagePriorityPoliciesUseCase;
import health.ordo.application.port.in.priority.SimulatePolicyUseCase;
import health.ordo.domain.priority.FactorWeight;
import health.ordo.domain.priority.PolicyDefinition;
import health.ordo.domain.priority.PolicySimulation;
import health.ordo.domain.priority.PolicyStatus;
import health.ordo.domain.priority.PriorityPolicy;
import health.ordo.domain.shared.DomainException;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Priority policies for tenant admins: the versions there are, and a live what-if before anything is activated: change
 * the factors' weights of the active policy and see, on the live open backlog, how the ranking would change (the same
 * simulation as {@code POST /api/v1/priority-policies:simulate}; nothing is stored or re-scored).
 */
@Controller("/ui")
@Produces(MediaType.TEXT_HTML)
@Hidden
@Secured("TENANT_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PoliciesPage {

    /** A stored version. */
    public record Version(String policyId, int version, String appliesTo, String status, String description) {
    }

    /** One factor's weight in the form: the active policy's, or the one just tried. */
    public record Weight(String factor, String field, String value) {
    }

    /** An item entering or leaving the top N. */
    public record Move(String title, int before, int after, String scoreBefore, String scoreAfter) {
    }

    /** What the what-if found. */
    public record Report(int items, int rankChanges, String kendallTau, int topN, List<Move> entering, List<Move> leaving,
                         String moneyBefore, String moneyAfter) {
    }

    /**
     * The page: versions, the form, the report of the last what-if (or null) and what it compared (the weights tried, or a
     * draft), an error (or null), a message after saving or activating (or null), and the id a new draft is saved under.
     */
    public record Policies(List<Version> versions, String basis, List<Weight> weights, int topN, Report report, String error,
                           String compared, String message, String draftId) {
    }

    private static final java.util.Set<String> MESSAGES = java.util.Set.of("drafted", "activated", "held");

    private final Pages pages;
    private final ManagePriorityPoliciesUseCase policies;
    private final SimulatePolicyUseCase simulation;

    PoliciesPage(Pages pages, ManagePriorityPoliciesUseCase policies, SimulatePolicyUseCase simulation) {
        this.pages = pages;
        this.policies = policies;
        this.simulation = simulation;
    }

    @Get("/admin/policies")
    HttpResponse<?> page(HttpRequest<?> request, Authentication authentication, @Nullable @io.micronaut.http.annotation.QueryValue("m") String m) {
        PriorityPolicy active = active(Caller.of(authentication));
        return render(request, authentication, HttpStatus.OK, weights(active.definition().factors()), 20, null, null, null,
                m != null && MESSAGES.contains(m) ? "policies.m." + m : null);
    }

    /** Saves the weights in the form as a new draft version of the policy (the policy in force's rules kept); nothing is re-scored. */
    @Post(value = "/admin/policies/draft", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> draft(HttpRequest<?> request, Authentication authentication, @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        Caller caller = Caller.of(authentication);
        PriorityPolicy active = active(caller);
        List<Weight> tried = new ArrayList<>();
        try {
            PolicyDefinition definition = definition(active, form, tried);
            String policyId = form.getOrDefault("policyId", "").strip();
            String description = form.getOrDefault("description", "").strip();
            policies.draft(caller.tenant(), policyId, active.appliesTo(), description.isEmpty() ? null : description, definition, caller.actor());
            return Pages.seeOther("/ui/admin/policies?m=drafted");
        } catch (NumberFormatException | DomainException e) {
            return render(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, tried, 20, null, e.getMessage(), null, null);
        }
    }

    /** How a stored draft would rank the live open backlog against the policy in force. */
    @Post(value = "/admin/policies/{policyId}/{version}/what-if", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> draftWhatIf(HttpRequest<?> request, Authentication authentication, @io.micronaut.http.annotation.PathVariable String policyId,
                                @io.micronaut.http.annotation.PathVariable int version, @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        Caller caller = Caller.of(authentication);
        PriorityPolicy draft = policies.get(caller.tenant(), policyId, version).orElse(null);
        if (draft == null) {
            return HttpResponse.notFound();
        }
        int topN = parseTopN(form == null ? null : form.get("topN"));
        List<Weight> shownWeights = weights(active(caller).definition().factors());
        try {
            Report shown = report(simulation.simulate(caller.tenant(), draft.definition(), draft.appliesTo(), topN, 2));
            return render(request, authentication, HttpStatus.OK, shownWeights, topN, shown, null, policyId + " v" + version, null);
        } catch (DomainException e) {
            return render(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, shownWeights, topN, null, e.getMessage(), null, null);
        }
    }

    /** Activates a stored version (its re-scoring job starts), or asks for a second person's approval when the tenant requires one. */
    @Post(value = "/admin/policies/{policyId}/{version}/activate", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> activate(HttpRequest<?> request, Authentication authentication, @io.micronaut.http.annotation.PathVariable String policyId,
                             @io.micronaut.http.annotation.PathVariable int version, @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        Caller caller = Caller.of(authentication);
        try {
            policies.activate(caller.tenant(), policyId, version, caller.actor());
            return Pages.seeOther("/ui/admin/policies?m=activated");
        } catch (health.ordo.application.port.in.approval.ApprovalRequiredException e) {
            return Pages.seeOther("/ui/admin/policies?m=held");
        } catch (DomainException | health.ordo.application.port.in.NotFoundException e) {
            return render(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, weights(active(caller).definition().factors()), 20, null,
                    e.getMessage(), null, null);
        }
    }

    @Post(value = "/admin/policies/what-if", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> whatIf(HttpRequest<?> request, Authentication authentication, @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        Caller caller = Caller.of(authentication);
        PriorityPolicy active = active(caller);
        List<Weight> tried = new ArrayList<>();
        PolicyDefinition definition;
        try {
            definition = definition(active, form, tried);
        } catch (NumberFormatException e) {
            return render(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, tried, 20, null, e.getMessage(), null, null);
        }
        int topN = parseTopN(form.get("topN"));
        try {
            Report shown = report(simulation.simulate(caller.tenant(), definition, active.appliesTo(), topN, 2));
            return render(request, authentication, HttpStatus.OK, tried, topN, shown, null, null, null);
        } catch (DomainException e) {
            return render(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, tried, topN, null, e.getMessage(), null, null);
        }
    }

    /** The weights in the form over the policy in force's factors and rules; each tried weight is kept for the form. */
    private static PolicyDefinition definition(PriorityPolicy active, Map<String, String> form, List<Weight> tried) {
        List<FactorWeight> draft = new ArrayList<>();
        for (FactorWeight factor : active.definition().factors()) {
            String field = "w." + factor.factor().name();
            String text = (form == null ? factor.weight().toPlainString() : form.getOrDefault(field, factor.weight().toPlainString())).strip();
            tried.add(new Weight(factor.factor().name(), field, text));
        }
        for (int i = 0; i < tried.size(); i++) {
            FactorWeight factor = active.definition().factors().get(i);
            try {
                draft.add(new FactorWeight(factor.factor(), new BigDecimal(tried.get(i).value()), factor.parameters()));
            } catch (NumberFormatException e) {
                throw new NumberFormatException(factor.factor().name() + ": " + tried.get(i).value() + " is not a number");
            }
        }
        return new PolicyDefinition(draft, active.definition().rules());
    }

    private static Report report(PolicySimulation.Report report) {
        return new Report(report.items(), report.rankChanges(), BigDecimal.valueOf(report.kendallTau()).setScale(3, RoundingMode.HALF_UP)
                .toPlainString(), report.topN(), moves(report.entering()), moves(report.leaving()), money(report.moneyInTopNBefore()),
                money(report.moneyInTopNAfter()));
    }

    private HttpResponse<?> render(HttpRequest<?> request, Authentication authentication, HttpStatus status, List<Weight> weights, int topN,
                                   Report report, String error, String compared, String message) {
        Caller caller = Caller.of(authentication);
        PriorityPolicy active = active(caller);
        List<Version> versions = new ArrayList<>(policies.list(caller.tenant()).stream()
                .sorted(Comparator.comparing(PriorityPolicy::policyId).thenComparing(PriorityPolicy::version, Comparator.reverseOrder()))
                .map(p -> new Version(p.policyId(), p.version(), p.appliesTo() == null ? "*" : p.appliesTo().name(), p.status().name(),
                        p.description() == null ? "" : p.description())).toList());
        if (versions.stream().noneMatch(v -> v.policyId().equals(PriorityPolicy.BUILTIN_ID))) {
            PriorityPolicy builtin = PriorityPolicy.builtin(caller.tenant());
            versions.add(new Version(builtin.policyId(), builtin.version(), "*", builtin.status().name(), builtin.description()));
        }
        return pages.page(request, authentication, status, "policies", pages.layout(request, authentication, "@policies.title", "policies"),
                new Policies(versions, active.policyId() + " v" + active.version(), weights, topN, report, error, compared, message,
                        PriorityPolicy.BUILTIN_ID.equals(active.policyId()) ? "standard" : active.policyId()));
    }

    /** The policy that scores all types now: the tenant's active one without a type, else the built-in one. */
    private PriorityPolicy active(Caller caller) {
        return policies.list(caller.tenant()).stream().filter(p -> p.status() == PolicyStatus.ACTIVE && p.appliesTo() == null)
                .findFirst().orElse(PriorityPolicy.builtin(caller.tenant()));
    }

    private static List<Weight> weights(List<FactorWeight> factors) {
        return factors.stream().map(f -> new Weight(f.factor().name(), "w." + f.factor().name(), f.weight().toPlainString())).toList();
    }

    private static int parseTopN(String text) {
        try {
            int n = Integer.parseInt(text == null ? "20" : text.strip());
            return Math.max(1, Math.min(n, 200));
        } catch (NumberFormatException e) {
            return 20;
        }
    }

    private static List<Move> moves(List<PolicySimulation.Move> moves) {
        return moves.stream().map(m -> new Move(m.title(), m.rankBefore(), m.rankAfter(), score(m.scoreBefore()), score(m.scoreAfter()))).toList();
    }

    private static String score(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String money(BigDecimal value) {
        return value == null ? "—" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
