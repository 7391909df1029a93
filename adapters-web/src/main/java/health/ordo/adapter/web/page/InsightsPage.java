package health.ordo.adapter.web.page;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.insights.ForecastUseCase;
import health.ordo.application.port.in.insights.Insight;
import health.ordo.application.port.in.insights.InsightRequest;
import health.ordo.application.port.in.insights.InsightTable;
import health.ordo.application.port.in.insights.InsightsQuery;
import health.ordo.domain.insights.ArrivalForecast;
import health.ordo.domain.insights.Dimension;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manager's dashboard: headline numbers, arrivals against completions, the backlog's aging by queue, a queue's
 * arrival forecast with its intervals, the items that will breach by a chosen date with today's staff, and the staff
 * each queue needs. Every number comes from the same use cases as {@code /api/v1/insights} and {@code /api/v1/forecast};
 * charts are drawn by ECharts from data the page carries (no inline script).
 */
@Controller("/ui")
@Produces(MediaType.TEXT_HTML)
@Hidden
@Secured({"SUPERVISOR", "TENANT_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
public class InsightsPage {

    /** A headline number. */
    public record Tile(String label, String value) {
    }

    /** A breach forecast line. */
    public record BreachRow(String id, String queue, String type, String deadline, String expected, String amount) {
    }

    /** A queue's staffing line. */
    public record StaffingRow(String queue, String current, int needed, long dueBy, int breachesNow, int breachesNeeded) {
    }

    /**
     * The page as first painted: tiles and the charts of what happened (as JSON); the outlook (forecast, breaches, staffing),
     * which simulates, comes after first paint from {@code outlookQuery}.
     */
    public record Dashboard(List<Tile> tiles, String flowJson, String agingJson, String outlookQuery, String agingBy, List<String> agingChoices,
                            String slaJson) {
    }

    /** What the backlog's aging can be grouped by: queue, payer, facility (site), type. */
    private static final List<Dimension> AGING_BY = List.of(Dimension.QUEUE, Dimension.PAYER, Dimension.SITE, Dimension.TYPE);

    /** The outlook: a queue's forecast, the breach list for a date, and staffing; what its forms show. */
    public record Outlook(String forecastJson, String forecastQueue, List<String> queues, String by, String forecastSummary,
                          List<BreachRow> breaches, long breachCount, String moneyAtRisk, List<StaffingRow> staffing,
                          List<String> allocation, List<String> policyVersions) {
    }

    /** A what-if's answer: breaches and money at risk by the date, before and after. */
    public record WhatIfView(String queue, String by, String workersBefore, String workersAfter, int breachesBefore, int breachesAfter,
                             String moneyBefore, String moneyAfter, int saved, int lost, String note, String error, String policy) {
    }

    private final Pages pages;
    private final InsightsQuery insights;
    private final ForecastUseCase forecasts;
    private final health.ordo.application.port.in.priority.ManagePriorityPoliciesUseCase policies;
    private final JsonMapper json;

    InsightsPage(Pages pages, InsightsQuery insights, ForecastUseCase forecasts, JsonMapper json,
                 health.ordo.application.port.in.priority.ManagePriorityPoliciesUseCase policies) {
        this.policies = policies;
        this.pages = pages;
        this.insights = insights;
        this.forecasts = forecasts;
        this.json = json;
    }

    @Get("/insights")
    HttpResponse<?> dashboard(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String by,
                              @Nullable @QueryValue String queue, @Nullable @QueryValue String agingBy) {
        Caller caller = Caller.of(authentication);
        Layout layout = pages.layout(request, authentication, "@insights.title", "insights");
        InsightsQuery.Viewer viewer = new InsightsQuery.Viewer(caller.tenant(), caller.actor().name(),
                authentication.getRoles().contains("TENANT_ADMIN"));
        LocalDate today = insights.today(caller.tenant());
        LocalDate date = date(by, today.plusDays(7), today);
        InsightRequest last30 = new InsightRequest(today.minusDays(29), today, null, Map.of(), InsightRequest.Period.NONE);

        Dimension aged = AGING_BY.stream().filter(d -> d.apiName().equals(agingBy)).findFirst().orElse(Dimension.QUEUE);
        InsightTable backlog = insights.insight(viewer, Insight.BACKLOG, new InsightRequest(today, today, aged, Map.of(),
                InsightRequest.Period.NONE));
        long open = 0;
        BigDecimal atStake = BigDecimal.ZERO;
        for (Map<String, Object> row : backlog.rows()) {
            open += ((Number) row.get("open")).longValue();
            atStake = atStake.add((BigDecimal) row.get("money_at_stake"));
        }
        Map<String, Object> sla = first(insights.insight(viewer, Insight.SLA, last30));
        Map<String, Object> acceptance = first(insights.insight(viewer, Insight.ACCEPTANCE, last30));
        Map<String, Object> durations = first(insights.insight(viewer, Insight.DURATIONS, last30));
        Texts t = layout.t();
        List<Tile> tiles = List.of(
                new Tile(t.get("insights.open"), String.valueOf(open)),
                new Tile(t.get("insights.atStake"), money(atStake)),
                new Tile(t.get("insights.attainment"), percent(sla.get("attainment_percent"))),
                new Tile(t.get("insights.acceptance"), percent(acceptance.get("acceptance_percent"))),
                new Tile(t.get("insights.cycle"), durations.get("cycle_p50_hours") == null ? "–" : durations.get("cycle_p50_hours") + " h"));

        InsightTable flow = insights.insight(viewer, Insight.FLOW, new InsightRequest(today.minusDays(89), today, null, Map.of(),
                InsightRequest.Period.DAY));
        Map<String, Object> flowData = new LinkedHashMap<>();
        flowData.put("days", flow.rows().stream().map(r -> r.get("period")).toList());
        flowData.put("arrivals", flow.rows().stream().map(r -> r.get("arrivals")).toList());
        flowData.put("completions", flow.rows().stream().map(r -> r.get("completions")).toList());
        flowData.put("labels", List.of(t.get("insights.arrivals"), t.get("insights.completions")));

        Map<String, Object> aging = new LinkedHashMap<>();
        aging.put("queues", backlog.rows().stream().map(r -> r.get("group")).toList());
        List<String> buckets = List.of("days_0_2", "days_3_7", "days_8_30", "days_31_90", "days_over_90");
        aging.put("buckets", List.of("0–2", "3–7", "8–30", "31–90", "> 90"));
        aging.put("counts", buckets.stream().map(b -> backlog.rows().stream().map(r -> r.get(b)).toList()).toList());

        String outlook = "by=" + date + (queue == null || queue.isBlank() ? "" : "&queue=" + java.net.URLEncoder.encode(queue,
                java.nio.charset.StandardCharsets.UTF_8));
        InsightTable weekly = insights.insight(viewer, Insight.SLA, new InsightRequest(today.minusWeeks(12).plusDays(1), today, null, Map.of(),
                InsightRequest.Period.WEEK));
        Map<String, Object> slaData = new LinkedHashMap<>();
        slaData.put("weeks", weekly.rows().stream().map(r -> r.get("period")).toList());
        slaData.put("attainment", weekly.rows().stream().map(r -> r.get("attainment_percent")).toList());
        slaData.put("breached", weekly.rows().stream().map(r -> r.get("breached")).toList());
        slaData.put("labels", List.of(t.get("insights.attainment"), t.get("insights.breachedWeekly")));
        Dashboard view = new Dashboard(tiles, write(flowData), write(aging), outlook, aged.apiName(),
                AGING_BY.stream().map(Dimension::apiName).toList(), write(slaData));
        return pages.page(request, authentication, HttpStatus.OK, "insights", layout, view);
    }

    /** The outlook fragment the dashboard loads after its first paint (htmx): forecast, breaches by the date, staffing. */
    @Get("/insights/outlook")
    HttpResponse<?> outlook(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String by,
                            @Nullable @QueryValue String queue) {
        Caller caller = Caller.of(authentication);
        Layout layout = pages.layout(request, authentication, "@insights.title", "insights");
        LocalDate today = insights.today(caller.tenant());
        LocalDate date = date(by, today.plusDays(7), today);
        Texts t = layout.t();
        List<ForecastUseCase.GroupForecast> arrivals = forecasts.arrivals(caller.tenant(), Dimension.QUEUE, 28);
        List<String> queues = arrivals.stream().map(ForecastUseCase.GroupForecast::group).toList();
        ForecastUseCase.GroupForecast chosen = arrivals.stream().filter(g -> g.group().equals(queue)).findFirst()
                .orElse(arrivals.stream().max((a, b) -> Double.compare(a.forecast().total(), b.forecast().total())).orElse(null));
        Map<String, Object> forecastData = new LinkedHashMap<>();
        String summary = t.get("insights.noForecast");
        if (chosen != null) {
            List<ArrivalForecast.Day> days = chosen.forecast().days();
            forecastData.put("days", days.stream().map(d -> d.date().toString()).toList());
            forecastData.put("expected", days.stream().map(ArrivalForecast.Day::expected).toList());
            forecastData.put("lower", days.stream().map(ArrivalForecast.Day::lower80).toList());
            forecastData.put("upper", days.stream().map(ArrivalForecast.Day::upper80).toList());
            forecastData.put("labels", List.of(t.get("insights.expected"), t.get("insights.interval")));
            ArrivalForecast.Backtest backtest = chosen.forecast().backtest();
            summary = t.get("insights.forecastSummary", chosen.group(), chosen.forecast().method(), String.join(", ", chosen.forecast().terms()),
                    backtest == null || backtest.mase() == null ? "–" : String.format(java.util.Locale.ROOT, "%.2f", backtest.mase()));
        }

        ForecastUseCase.BreachForecast breach = forecasts.breaches(caller.tenant(), date, null);
        List<BreachRow> breaches = breach.items().stream().limit(50).map(item -> new BreachRow(item.workItemId(), item.queue(),
                item.type(), layout.time(item.deadline()), item.expectedCompletion() == null ? t.get("insights.notSoon")
                : layout.time(item.expectedCompletion()), money(item.amount()))).toList();
        List<StaffingRow> staffing = new ArrayList<>();
        for (ForecastUseCase.Staffing s : forecasts.staffing(caller.tenant(), date, 0.95, null)) {
            staffing.add(new StaffingRow(s.queue(), String.valueOf(s.currentWorkers()), s.workersNeeded(), s.dueBy(), s.breachesNow(),
                    s.breachesNeeded()));
        }
        List<String> allocation = forecasts.allocation(caller.tenant(), date, 5).stream().map(ForecastUseCase.Allocation::explanation).toList();
        Outlook view = new Outlook(write(forecastData), chosen == null ? null : chosen.group(), queues, date.toString(), summary, breaches,
                breach.items().size(), money(breach.moneyAtRisk()), staffing, allocation, policies.list(caller.tenant()).stream()
                .filter(p -> p.status() != health.ordo.domain.priority.PolicyStatus.RETIRED)
                .map(p -> p.policyId() + ":" + p.version()).sorted().toList());
        return pages.render(HttpStatus.OK, "outlook", Map.of("layout", layout, "view", view));
    }

    /** What if a queue had more (or fewer) workers by the date: the breaches and money at risk before and after (htmx fragment). */
    @Get("/insights/what-if")
    HttpResponse<?> whatIf(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String queue,
                           @Nullable @QueryValue String add, @Nullable @QueryValue String by, @Nullable @QueryValue String policy) {
        Caller caller = Caller.of(authentication);
        Layout layout = pages.layout(request, authentication, "@insights.title", "insights");
        LocalDate today = insights.today(caller.tenant());
        LocalDate date = date(by, today.plusDays(7), today);
        WhatIfView view;
        try {
            double workers = Double.parseDouble(add == null || add.isBlank() ? "1" : add.strip());
            String policyId = null;
            Integer version = null;
            if (policy != null && policy.contains(":")) { // a stored version, e.g. a draft: "standard:2"
                policyId = policy.substring(0, policy.lastIndexOf(':'));
                version = Integer.valueOf(policy.substring(policy.lastIndexOf(':') + 1));
            }
            ForecastUseCase.WhatIf w = forecasts.whatIf(caller.tenant(), queue, workers, Map.of(), date, policyId, version);
            view = new WhatIfView(w.queue(), date.toString(), String.format(java.util.Locale.ROOT, "%.1f", w.workersBefore()),
                    String.format(java.util.Locale.ROOT, "%.1f", w.workersAfter()), w.breachesBefore(), w.breachesAfter(),
                    money(w.moneyAtRiskBefore()), money(w.moneyAtRiskAfter()), w.saved().size(), w.lost().size(), w.note(), null, w.policy());
        } catch (NumberFormatException e) {
            view = new WhatIfView(queue, date.toString(), null, null, 0, 0, null, null, 0, 0, null, layout.t().get("insights.whatIfNumber"), null);
        } catch (health.ordo.domain.shared.DomainException | health.ordo.application.port.in.routing.QueueNotFoundException e) {
            view = new WhatIfView(queue, date.toString(), null, null, 0, 0, null, null, 0, 0, null, e.getMessage(), null);
        }
        return pages.render(HttpStatus.OK, "whatif", Map.of("layout", layout, "view", view));
    }

    private static Map<String, Object> first(InsightTable table) {
        return table.rows().isEmpty() ? Map.of() : table.rows().get(0);
    }

    private static LocalDate date(String text, LocalDate fallback, LocalDate today) {
        try {
            LocalDate date = text == null || text.isBlank() ? fallback : LocalDate.parse(text);
            return date.isBefore(today) || date.isAfter(today.plusDays(180)) ? fallback : date;
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static String percent(Object value) {
        return value == null ? "–" : value + " %";
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "–" : String.format(java.util.Locale.ROOT, "%,.0f", amount);
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
