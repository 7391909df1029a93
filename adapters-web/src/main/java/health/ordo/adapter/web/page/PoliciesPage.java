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

    /** The page: versions, the form, the report of the last what-if (or null), an error (or null). */
    public record Policies(List<Version> versions, String basis, List<Weight> weights, int topN, Report report, String error) {
    }

    private final Pages pages;
    private final ManagePriorityPoliciesUseCase policies;
    private final SimulatePolicyUseCase simulation;

    PoliciesPage(Pages pages, ManagePriorityPoliciesUseCase policies, SimulatePolicyUseCase simulation) {
        this.pages = pages;
        this.policies = policies;
        this.simulation = simulation;
    }

    @Get("/admin/policies")
    HttpResponse<?> page(HttpRequest<?> request, Authentication authentication) {
        PriorityPolicy active = active(Caller.of(authentication));
        return render(request, authentication, HttpStatus.OK, weights(active.definition().factors()), 20, null, null);
    }

    @Post(value = "/admin/policies/what-if", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> whatIf(HttpRequest<?> request, Authentication authentication, @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        Caller caller = Caller.of(authentication);
        PriorityPolicy active = active(caller);
        List<FactorWeight> draft = new ArrayList<>();
        List<Weight> tried = new ArrayList<>();
        for (FactorWeight factor : active.definition().factors()) {
            String field = "w." + factor.factor().name();
            String text = form.getOrDefault(field, factor.weight().toPlainString()).strip();
            tried.add(new Weight(factor.factor().name(), field, text));
            BigDecimal weight;
            try {
                weight = new BigDecimal(text);
            } catch (NumberFormatException e) {
                return render(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, tried, 20, null, factor.factor().name()
                        + ": " + text + " is not a number");
            }
            draft.add(new FactorWeight(factor.factor(), weight, factor.parameters()));
        }
        int topN = parseTopN(form.get("topN"));
        PolicySimulation.Report report;
        try {
            report = simulation.simulate(caller.tenant(), new PolicyDefinition(draft, active.definition().rules()), active.appliesTo(), topN, 2);
        } catch (DomainException e) {
            return render(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, tried, topN, null, e.getMessage());
        }
        Report shown = new Report(report.items(), report.rankChanges(), BigDecimal.valueOf(report.kendallTau()).setScale(3, RoundingMode.HALF_UP)
                .toPlainString(), report.topN(), moves(report.entering()), moves(report.leaving()), money(report.moneyInTopNBefore()),
                money(report.moneyInTopNAfter()));
        return render(request, authentication, HttpStatus.OK, tried, topN, shown, null);
    }

    private HttpResponse<?> render(HttpRequest<?> request, Authentication authentication, HttpStatus status, List<Weight> weights, int topN,
                                   Report report, String error) {
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
                new Policies(versions, active.policyId() + " v" + active.version(), weights, topN, report, error));
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
