package health.ordo.adapter.web.page;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.insights.Insight;
import health.ordo.application.port.in.insights.InsightRequest;
import health.ordo.application.port.in.insights.InsightTable;
import health.ordo.application.port.in.insights.InsightsQuery;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The executive view: the money — open at stake, past its deadline, recovered and written off over twelve months — SLA
 * attainment, and the monthly trend of both as a chart (with a table for those who do not see it). The same insights as
 * {@code /api/v1/insights/money} and {@code /sla}; a supervisor sees their teams, a tenant admin the whole tenant.
 */
@Controller("/ui")
@Produces(MediaType.TEXT_HTML)
@Hidden
@Secured({"SUPERVISOR", "TENANT_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ExecutivePage {

    private static final int MONTHS = 12;

    /** A headline figure. */
    public record Tile(String label, String value) {
    }

    /** One month of the trend. */
    public record Month(String month, String recovered, String writtenOff, String attainment, long completedWithDeadline) {
    }

    /** The page. */
    public record Executive(List<Tile> tiles, List<Month> months, String trendJson) {
    }

    private final Pages pages;
    private final InsightsQuery insights;
    private final JsonMapper json;

    ExecutivePage(Pages pages, InsightsQuery insights, JsonMapper json) {
        this.pages = pages;
        this.insights = insights;
        this.json = json;
    }

    @Get("/executive")
    HttpResponse<?> executive(HttpRequest<?> request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Layout layout = pages.layout(request, authentication, "@executive.title", "executive");
        InsightsQuery.Viewer viewer = new InsightsQuery.Viewer(caller.tenant(), caller.actor().name(),
                authentication.getRoles().contains("TENANT_ADMIN"));
        LocalDate today = insights.today(caller.tenant());
        YearMonth first = YearMonth.from(today).minusMonths(MONTHS - 1L);
        Map<String, Object> year = first(insights.insight(viewer, Insight.MONEY,
                new InsightRequest(first.atDay(1), today, null, Map.of(), InsightRequest.Period.NONE)));
        Map<String, Object> sla30 = first(insights.insight(viewer, Insight.SLA,
                new InsightRequest(today.minusDays(29), today, null, Map.of(), InsightRequest.Period.NONE)));
        List<Month> months = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            YearMonth month = first.plusMonths(i);
            LocalDate end = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
            InsightRequest range = new InsightRequest(month.atDay(1), end, null, Map.of(), InsightRequest.Period.NONE);
            Map<String, Object> money = first(insights.insight(viewer, Insight.MONEY, range));
            Map<String, Object> sla = first(insights.insight(viewer, Insight.SLA, range));
            months.add(new Month(month.toString(), amount(money.get("recovered_amount")), amount(money.get("written_off_amount")),
                    sla.get("attainment_percent") == null ? "" : sla.get("attainment_percent").toString(),
                    sla.get("completed_with_deadline") == null ? 0 : ((Number) sla.get("completed_with_deadline")).longValue()));
        }
        Texts t = layout.t();
        List<Tile> tiles = List.of(
                new Tile(t.get("executive.atStake"), money(year.get("open_money_at_stake"))),
                new Tile(t.get("executive.pastDeadline"), money(year.get("open_money_past_deadline"))),
                new Tile(t.get("executive.recovered"), money(year.get("recovered_amount"))),
                new Tile(t.get("executive.writtenOff"), money(year.get("written_off_amount"))),
                new Tile(t.get("executive.attainment"), sla30.get("attainment_percent") == null ? "–" : sla30.get("attainment_percent") + " %"));
        Map<String, Object> trend = new LinkedHashMap<>();
        trend.put("months", months.stream().map(Month::month).toList());
        trend.put("recovered", months.stream().map(Month::recovered).toList());
        trend.put("writtenOff", months.stream().map(Month::writtenOff).toList());
        trend.put("attainment", months.stream().map(m -> m.attainment().isEmpty() ? null : m.attainment()).toList());
        trend.put("labels", List.of(t.get("executive.recoveredShort"), t.get("executive.writtenOffShort"), t.get("executive.attainmentShort")));
        return pages.page(request, authentication, HttpStatus.OK, "executive", layout, new Executive(tiles, months, write(trend)));
    }

    private static Map<String, Object> first(InsightTable table) {
        return table.rows().isEmpty() ? Map.of() : table.rows().get(0);
    }

    /** A plain decimal for the chart. */
    private static String amount(Object value) {
        return value instanceof BigDecimal b ? b.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString() : "0";
    }

    private static String money(Object value) {
        return value instanceof BigDecimal b ? String.format(Locale.ROOT, "%,.0f", b) : "–";
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
