package health.ordo.adapter.web.insights;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.insights.InsightsQuery;
import health.ordo.application.port.in.insights.WatchUseCase;
import health.ordo.domain.insights.Anomaly;
import health.ordo.domain.insights.WatchSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The watch: unusual days found (arrivals per queue and payer, SLA attainment, aging, integration failures), a detection
 * run on demand, and the tenant's watch settings.
 */
@Controller("/api/v1")
@Secured({"SUPERVISOR", "TENANT_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Insights")
class WatchController {

    private final WatchUseCase watch;
    private final InsightsQuery insights;

    WatchController(WatchUseCase watch, InsightsQuery insights) {
        this.watch = watch;
        this.insights = insights;
    }

    @Serdeable
    record AnomalyDto(String id, String metric, String dimension, String group, LocalDate day, double actual, double expected,
                      double score, Instant detectedAt, String workItemId, String description) {

        static AnomalyDto of(Anomaly a) {
            return new AnomalyDto(a.id().toString(), a.metric().name(), a.dimension(), a.group(), a.day(), a.actual(), a.expected(),
                    a.score(), a.detectedAt(), a.workItemId(), a.describe());
        }
    }

    @Serdeable
    record AnomaliesDto(LocalDate from, LocalDate to, List<AnomalyDto> anomalies) {
    }

    @Serdeable
    record SettingsDto(@Nullable Double threshold, @Nullable Double minDeviation, @Nullable Integer agingDays,
                       @Nullable Integer agingMax, @Nullable Boolean createWorkItems, @Nullable String owner) {

        static SettingsDto of(WatchSettings s) {
            return new SettingsDto(s.threshold(), s.minDeviation(), s.agingDays(), s.agingMax(), s.createWorkItems(), s.owner());
        }
    }

    @Get("/insights/anomalies")
    @Produces({MediaType.APPLICATION_JSON, Tables.TEXT_CSV})
    @Operation(summary = "Unusual days the watch found (newest first), each with its value, the seasonal expectation and the robust score")
    HttpResponse<?> anomalies(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String from,
                              @Nullable @QueryValue String to) {
        LocalDate last = InsightParameters.date(to, "to", to == null || to.isBlank() ? insights.today(Caller.of(authentication).tenant()) : null);
        LocalDate first = InsightParameters.date(from, "from", last.minusDays(29));
        return answer(request, first, last, watch.anomalies(Caller.of(authentication).tenant(), first, last));
    }

    @Post("/insights/anomalies:detect")
    @Secured("TENANT_ADMIN")
    @Produces({MediaType.APPLICATION_JSON, Tables.TEXT_CSV})
    @Operation(summary = "Runs the watch over whole past days now (e.g. after a history import): the anomalies of those days. "
            + "Only yesterday and the day before raise events and alert items; older days are recorded quietly")
    HttpResponse<?> detect(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String from,
                           @Nullable @QueryValue String to) {
        LocalDate last = InsightParameters.date(to, "to", to == null || to.isBlank() ? insights.today(Caller.of(authentication).tenant()).minusDays(1) : null);
        LocalDate first = InsightParameters.date(from, "from", last);
        return answer(request, first, last, watch.detect(Caller.of(authentication).tenant(), first, last));
    }

    @Get("/watch-settings")
    @Operation(summary = "The tenant's watch settings (robust-score threshold, minimum change, aging limit, alert work items)")
    SettingsDto settings(Authentication authentication) {
        return SettingsDto.of(watch.settings(Caller.of(authentication).tenant()));
    }

    @Put(value = "/watch-settings", consumes = MediaType.APPLICATION_JSON)
    @Secured("TENANT_ADMIN")
    @Operation(summary = "Changes the watch settings; fields left out keep their defaults")
    SettingsDto saveSettings(Authentication authentication, @Body SettingsDto body) {
        var tenant = Caller.of(authentication).tenant();
        WatchSettings defaults = WatchSettings.defaults(tenant);
        return SettingsDto.of(watch.saveSettings(new WatchSettings(tenant,
                body.threshold() == null ? defaults.threshold() : body.threshold(),
                body.minDeviation() == null ? defaults.minDeviation() : body.minDeviation(),
                body.agingDays() == null ? defaults.agingDays() : body.agingDays(), body.agingMax(),
                Boolean.TRUE.equals(body.createWorkItems()), body.owner())));
    }

    private static HttpResponse<?> answer(HttpRequest<?> request, LocalDate from, LocalDate to, List<Anomaly> anomalies) {
        if (Tables.wantsCsv(request)) {
            List<List<Object>> rows = new ArrayList<>();
            anomalies.forEach(a -> rows.add(Arrays.asList(a.day().toString(), a.metric().name(), a.dimension(), a.group(), a.actual(),
                    a.expected(), a.score(), a.workItemId())));
            return Tables.csv("anomalies", List.of("day", "metric", "dimension", "group", "actual", "expected", "score", "work_item_id"), rows);
        }
        return HttpResponse.ok(new AnomaliesDto(from, to, anomalies.stream().map(AnomalyDto::of).toList()));
    }
}
