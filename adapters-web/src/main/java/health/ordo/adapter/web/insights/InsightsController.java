package health.ordo.adapter.web.insights;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.insights.Insight;
import health.ordo.application.port.in.insights.InsightRequest;
import health.ordo.application.port.in.insights.InsightTable;
import health.ordo.application.port.in.insights.InsightsQuery;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/insights/…}: query parameters {@code from}, {@code to} (days, inclusive; the last 30 by default),
 * {@code groupBy} (queue, type, team, site, worker, payer, supplier, specialty, source-system), {@code period} (none, day,
 * week, month) and a filter per dimension ({@code payer=Aetna}). Each insight filterable by days and any dimension, grouped by one, split by period, as
 * JSON or CSV. Supervisors and tenant administrators; a supervisor who works in a team sees that team.
 */
@Controller("/api/v1/insights")
@Secured({"SUPERVISOR", "TENANT_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Insights")
@Produces({MediaType.APPLICATION_JSON, Tables.TEXT_CSV})
class InsightsController {

    private final InsightsQuery insights;

    InsightsController(InsightsQuery insights) {
        this.insights = insights;
    }

    /** An insight as JSON: what was asked, the columns, one object per row. */
    @Serdeable
    record InsightDto(String insight, LocalDate from, LocalDate to, String groupBy, String period, Map<String, String> filters,
                      List<String> columns, List<Map<String, Object>> rows) {
    }

    @Get("/backlog")
    @Operation(summary = "Open items by age (0–2, 3–7, 8–30, 31–90, over 90 days) with the money at stake, as of now")
    HttpResponse<?> backlog(HttpRequest<?> request, Authentication authentication) {
        return answer(request, authentication, Insight.BACKLOG);
    }

    @Get("/flow")
    @Operation(summary = "Arrivals and completions (count and money) per group and period")
    HttpResponse<?> flow(HttpRequest<?> request, Authentication authentication) {
        return answer(request, authentication, Insight.FLOW);
    }

    @Get("/durations")
    @Operation(summary = "Cycle, wait and touch time percentiles (p50, p90, p95, in hours) of items completed")
    HttpResponse<?> durations(HttpRequest<?> request, Authentication authentication) {
        return answer(request, authentication, Insight.DURATIONS);
    }

    @Get("/sla")
    @Operation(summary = "SLA attainment: completed items with a deadline, met, breached, attainment in percent")
    HttpResponse<?> sla(HttpRequest<?> request, Authentication authentication) {
        return answer(request, authentication, Insight.SLA);
    }

    @Get("/quality")
    @Operation(summary = "First-pass resolution, rework (reopened), exception and override rates of items completed")
    HttpResponse<?> quality(HttpRequest<?> request, Authentication authentication) {
        return answer(request, authentication, Insight.QUALITY);
    }

    @Get("/acceptance")
    @Operation(summary = "Recommendation acceptance: claims that took the item get-next-work proposed, of all claims")
    HttpResponse<?> acceptance(HttpRequest<?> request, Authentication authentication) {
        return answer(request, authentication, Insight.ACCEPTANCE);
    }

    @Get("/money")
    @Operation(summary = "Money recovered and written off in the days, and at stake in the open backlog now")
    HttpResponse<?> money(HttpRequest<?> request, Authentication authentication) {
        return answer(request, authentication, Insight.MONEY);
    }

    @Get("/automation")
    @Operation(summary = "Write-backs created in the days per target system: applied, retrying, given up, first-try success, median hours to apply")
    HttpResponse<?> automation(HttpRequest<?> request, Authentication authentication) {
        return answer(request, authentication, Insight.AUTOMATION);
    }

    @Get("/integration")
    @Operation(summary = "Connector runs in the days per connector: failed runs, records fetched, created, updated, closed, refused")
    HttpResponse<?> integration(HttpRequest<?> request, Authentication authentication) {
        return answer(request, authentication, Insight.INTEGRATION);
    }

    @Get("/overrides")
    @Operation(summary = "Priority overrides applied or approved in the days, per reason code and kind")
    HttpResponse<?> overrides(HttpRequest<?> request, Authentication authentication) {
        return answer(request, authentication, Insight.OVERRIDES);
    }

    private HttpResponse<?> answer(HttpRequest<?> request, Authentication authentication, Insight insight) {
        Caller caller = Caller.of(authentication);
        InsightRequest asked = InsightParameters.read(request, insights.today(caller.tenant()));
        InsightTable table = insights.insight(new InsightsQuery.Viewer(caller.tenant(), caller.actor().name(),
                authentication.getRoles().contains("TENANT_ADMIN")), insight, asked);
        if (Tables.wantsCsv(request)) {
            List<List<Object>> rows = new ArrayList<>();
            table.rows().forEach(row -> rows.add(new ArrayList<>(row.values())));
            return Tables.csv("insight-" + table.insight(), table.columns(), rows);
        }
        Map<String, String> filters = new java.util.TreeMap<>();
        asked.where().forEach((dimension, value) -> filters.put(dimension.apiName(), value));
        return HttpResponse.ok(new InsightDto(table.insight(), asked.from(), asked.to(),
                asked.groupBy() == null ? null : asked.groupBy().apiName(), asked.period().name().toLowerCase(java.util.Locale.ROOT),
                filters, table.columns(), table.rows()));
    }
}
