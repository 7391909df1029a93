package health.ordo.adapter.web.insights;

import health.ordo.adapter.web.problem.InvalidRequestException;
import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.insights.ForecastUseCase;
import health.ordo.application.port.in.insights.ForecastUseCase.BreachForecast;
import health.ordo.application.port.in.insights.ForecastUseCase.GroupForecast;
import health.ordo.application.port.in.insights.ForecastUseCase.Staffing;
import health.ordo.application.port.in.insights.InsightsQuery;
import health.ordo.domain.insights.ArrivalForecast;
import health.ordo.domain.insights.Dimension;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/v1/forecast/…}: arrivals with prediction intervals and their backtest, the items that will breach by a
 * date with today's staff, the staff each queue needs, and what-ifs. Supervisors and tenant administrators.
 */
@Controller("/api/v1/forecast")
@Secured({"SUPERVISOR", "TENANT_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Insights")
@Produces({MediaType.APPLICATION_JSON, Tables.TEXT_CSV})
@SerdeImport(ArrivalForecast.Day.class)
@SerdeImport(ForecastUseCase.QueueOutlook.class)
@SerdeImport(ForecastUseCase.BreachingItem.class)
@SerdeImport(ForecastUseCase.Staffing.class)
@SerdeImport(ForecastUseCase.StaffingDay.class)
@SerdeImport(ForecastUseCase.WhatIf.class)
@SerdeImport(ForecastUseCase.Allocation.class)
class ForecastController {

    private final ForecastUseCase forecasts;
    private final InsightsQuery insights;

    ForecastController(ForecastUseCase forecasts, InsightsQuery insights) {
        this.forecasts = forecasts;
        this.insights = insights;
    }

    @Serdeable
    record BacktestDto(int days, double mae, double seasonalNaiveMae, Double mase, boolean beatsSeasonalNaive) {
    }

    @Serdeable
    record GroupForecastDto(String group, String method, List<String> terms, int historyDays, BacktestDto backtest,
                            double total, List<ArrivalForecast.Day> days) {
    }

    @Serdeable
    record ArrivalsDto(String groupBy, int days, List<GroupForecastDto> forecasts) {
    }

    @Serdeable
    record BreachesDto(Instant asOf, Instant by, int breaches, BigDecimal moneyAtRisk, List<ForecastUseCase.QueueOutlook> queues,
                       List<ForecastUseCase.BreachingItem> items) {
    }

    @Serdeable
    record StaffingDto(LocalDate by, double target, List<Staffing> queues) {
    }

    @Serdeable
    record WhatIfRequest(@Nullable String queue, @Nullable Double addWorkers, @Nullable java.util.Map<String, Integer> skills,
                         @Nullable LocalDate by, @Nullable String policyId, @Nullable Integer version) {
    }

    @Get("/arrivals")
    @Operation(summary = "Daily arrivals for the next days per queue or type, with 80 % and 95 % prediction intervals and "
            + "each model's backtest (MASE against seasonal-naive over the last four weeks)")
    HttpResponse<?> arrivals(HttpRequest<?> request, Authentication authentication, @QueryValue(defaultValue = "28") int days,
                             @QueryValue(defaultValue = "queue") String groupBy) {
        Dimension dimension = Dimension.fromApiName(groupBy);
        if (dimension != Dimension.QUEUE && dimension != Dimension.TYPE) {
            throw new InvalidRequestException("groupBy", "arrivals are forecast per queue or per type");
        }
        List<GroupForecast> found = forecasts.arrivals(Caller.of(authentication).tenant(), dimension, days);
        if (Tables.wantsCsv(request)) {
            List<List<Object>> rows = new ArrayList<>();
            for (GroupForecast group : found) {
                ArrivalForecast.Backtest backtest = group.forecast().backtest();
                for (ArrivalForecast.Day day : group.forecast().days()) {
                    rows.add(java.util.Arrays.asList(group.group(), day.date().toString(), day.expected(), day.lower80(), day.upper80(),
                            day.lower95(), day.upper95(), group.forecast().method(), backtest == null ? null : backtest.mase()));
                }
            }
            return Tables.csv("forecast-arrivals", List.of(dimension.apiName(), "date", "expected", "lower80", "upper80", "lower95",
                    "upper95", "method", "backtest_mase"), rows);
        }
        List<GroupForecastDto> groups = found.stream().map(group -> {
            ArrivalForecast forecast = group.forecast();
            ArrivalForecast.Backtest b = forecast.backtest();
            return new GroupForecastDto(group.group(), forecast.method(), forecast.terms(), forecast.historyDays(),
                    b == null ? null : new BacktestDto(b.days(), round(b.mae()), round(b.seasonalNaiveMae()),
                            b.mase() == null ? null : round(b.mase()), b.beatsSeasonalNaive()),
                    round(forecast.total()), forecast.days());
        }).toList();
        return HttpResponse.ok(new ArrivalsDto(dimension.apiName(), days, groups));
    }

    @Get("/breaches")
    @Operation(summary = "The open items whose deadline falls by the date and that will miss it with today's staff, "
            + "each with its expected completion and money at stake (queues worked forward in Ordo's order)")
    HttpResponse<?> breaches(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String by,
                             @Nullable @QueryValue String queue) {
        BreachForecast forecast = forecasts.breaches(Caller.of(authentication).tenant(), by(authentication, by), queue);
        if (Tables.wantsCsv(request)) {
            List<List<Object>> rows = new ArrayList<>();
            forecast.items().forEach(item -> rows.add(java.util.Arrays.asList(item.workItemId(), item.queue(), item.type(), item.score(),
                    item.deadline().toString(), item.expectedCompletion() == null ? null : item.expectedCompletion().toString(),
                    item.overdue(), item.amount())));
            return Tables.csv("forecast-breaches", List.of("work_item_id", "queue", "type", "score", "deadline", "expected_completion",
                    "overdue", "amount"), rows);
        }
        return HttpResponse.ok(new BreachesDto(forecast.asOf(), forecast.by(), forecast.items().size(), forecast.moneyAtRisk(),
                forecast.queues(), forecast.items()));
    }

    @Get("/staffing")
    @Operation(summary = "Per queue, the workers needed so that the target share of items due by the date meet their deadline, "
            + "and per day the workers the forecast arrivals alone need")
    HttpResponse<?> staffing(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String by,
                             @QueryValue(defaultValue = "0.95") double target, @Nullable @QueryValue String queue) {
        LocalDate date = by(authentication, by);
        List<Staffing> staffing = forecasts.staffing(Caller.of(authentication).tenant(), date, target, queue);
        if (Tables.wantsCsv(request)) {
            List<List<Object>> rows = new ArrayList<>();
            staffing.forEach(s -> rows.add(List.of(s.queue(), s.currentWorkers(), s.workersNeeded(), s.feasible(), s.dueBy(),
                    s.breachesNow(), s.breachesNeeded())));
            return Tables.csv("forecast-staffing", List.of("queue", "current_workers", "workers_needed", "feasible", "due_by",
                    "breaches_now", "breaches_with_needed"), rows);
        }
        return HttpResponse.ok(new StaffingDto(date, target, staffing));
    }

    @Get("/allocation")
    @Operation(summary = "Ranked moves of workers between queues until a date, each with the breaches and money at risk it "
            + "saves where the workers go and adds where they leave (skills, sites and capacity respected)")
    HttpResponse<?> allocation(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String by,
                               @QueryValue(defaultValue = "5") int maxMoves) {
        LocalDate date = by(authentication, by);
        List<ForecastUseCase.Allocation> moves = forecasts.allocation(Caller.of(authentication).tenant(), date, maxMoves);
        if (Tables.wantsCsv(request)) {
            List<List<Object>> rows = new ArrayList<>();
            moves.forEach(m -> rows.add(java.util.Arrays.asList(m.fromQueue(), m.toQueue(), m.team(), String.join(" ", m.skills()),
                    String.join(" ", m.workers()), m.share(), m.breachesAvoided(), m.breachesAdded(), m.moneySaved(), m.moneyAdded(),
                    m.explanation())));
            return Tables.csv("forecast-allocation", List.of("from_queue", "to_queue", "team", "skills", "workers", "share",
                    "breaches_avoided", "breaches_added", "money_saved", "money_added", "explanation"), rows);
        }
        return HttpResponse.ok(new AllocationDto(date, moves));
    }

    @Serdeable
    record AllocationDto(LocalDate by, List<ForecastUseCase.Allocation> moves) {
    }

    @Post(value = "/what-if", consumes = MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Breaches and money at risk by a date before and after adding (or, negative, removing) workers on a queue, "
            + "and/or working it in the order a stored (draft) priority policy version would score it")
    ForecastUseCase.WhatIf whatIf(Authentication authentication, @Body WhatIfRequest body) {
        if (body.addWorkers() == null && body.policyId() == null) {
            throw new InvalidRequestException("addWorkers", "addWorkers (e.g. 2 or -1) or a policy (policyId and version) is required");
        }
        return forecasts.whatIf(Caller.of(authentication).tenant(), body.queue(), body.addWorkers() == null ? 0 : body.addWorkers(),
                body.skills(), body.by() == null ? by(authentication, null) : body.by(), body.policyId(), body.version());
    }

    /** The date asked for; a week from the tenant's today when none is. */
    private LocalDate by(Authentication authentication, String text) {
        return InsightParameters.date(text, "by", text == null || text.isBlank() ? insights.today(Caller.of(authentication).tenant()).plusDays(7) : null);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
