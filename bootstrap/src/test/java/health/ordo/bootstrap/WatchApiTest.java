package health.ordo.bootstrap;

import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten weeks of steady history with one busy Wednesday and one Thursday whose items all missed their deadline: the watch
 * finds exactly those (arrivals of the Wednesday, attainment of the day the late items were completed), not the quiet
 * weekends; with an aging limit and alert items on, the old open items raise an OPERATIONS_ALERT work item.
 */
@MicronautTest(transactional = false)
class WatchApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;

    @Test
    void theWatchFindsTheBusyDayAndTheSlaDrop_andRaisesAnAlertForAging() {
        String tenant = FreshTenant.provision(provision, "wa");
        ApiClient api = new ApiClient(server.getURI(), json);
        String ada = api.login("ada@" + tenant, FreshTenant.ADA);
        Instant now = Instant.now();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate busy = today.minusDays(14).with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY));
        LocalDate late = today.minusDays(8).with(TemporalAdjusters.previousOrSame(DayOfWeek.THURSDAY));
        StringBuilder csv = new StringBuilder("type,queue,source_reference,received,started,completed,deadline\n");
        int rows = 0;
        for (LocalDate day = today.minusDays(70); day.isBefore(today); day = day.plusDays(1)) {
            int count = day.getDayOfWeek().getValue() > 5 ? 0 : day.equals(busy) ? 70 : 20;
            for (int i = 0; i < count; i++) {
                Instant received = day.atTime(8, 0).toInstant(ZoneOffset.UTC).plus(Duration.ofMinutes(5L * i));
                Instant completed = day.equals(late) ? received.plus(Duration.ofDays(4)) : received.plus(Duration.ofMinutes(90));
                if (completed.isAfter(now)) {
                    continue;
                }
                csv.append(String.join(",", "CLAIM_DENIAL", "denials", "W-" + day + "-" + i, received.toString(),
                        completed.minus(Duration.ofMinutes(30)).toString(), completed.toString(), received.plus(Duration.ofDays(3)).toString()))
                        .append('\n');
                rows++;
            }
        }
        for (int i = 0; i < 3; i++) {
            csv.append("CLAIM_DENIAL,denials,OLD-").append(i).append(',').append(now.minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS)).append(",,,\n");
            rows++;
        }
        String location = api.postRaw("/api/v1/history:import", ada, csv.toString(), "text/csv").header("Location");
        Eventually.until(() -> "COMPLETED".equals(api.get(location, ada).string("status")), "the import completes");
        int expected = rows;
        Eventually.until(() -> {
            Object arrivals = ((List<Map<String, Object>>) api.get("/api/v1/insights/flow?from=" + today.minusDays(80), ada).body().get("rows"))
                    .stream().findFirst().map(r -> r.get("arrivals")).orElse(0);
            return ((Number) arrivals).intValue() == expected;
        }, "every imported arrival counted");

        ApiClient.Response detected = api.post("/api/v1/insights/anomalies:detect?from=" + today.minusDays(60) + "&to=" + today.minusDays(1),
                ada, Map.of());
        assertThat(detected.status()).isEqualTo(200);
        List<Map<String, Object>> anomalies = detected.list("anomalies");
        assertThat(anomalies).filteredOn(a -> "ARRIVALS".equals(a.get("metric")))
                .extracting(a -> a.get("dimension") + " " + a.get("group") + " " + a.get("day"))
                .containsExactly("queue denials " + busy);
        Map<String, Object> spike = anomalies.stream().filter(a -> "ARRIVALS".equals(a.get("metric"))).findFirst().orElseThrow();
        assertThat(((Number) spike.get("actual")).doubleValue()).isEqualTo(70.0);
        assertThat(((Number) spike.get("expected")).doubleValue()).isEqualTo(20.0);
        assertThat(((Number) spike.get("score")).doubleValue()).isGreaterThan(3.5);
        assertThat(anomalies).filteredOn(a -> "SLA_ATTAINMENT".equals(a.get("metric")))
                .extracting(a -> a.get("day")).containsExactly(late.plusDays(4).toString());

        // detecting again finds the same days, recorded once
        assertThat(api.post("/api/v1/insights/anomalies:detect?from=" + today.minusDays(60) + "&to=" + today.minusDays(1), ada, Map.of())
                .list("anomalies")).hasSameSizeAs(anomalies);
        assertThat(api.getCsv("/api/v1/insights/anomalies?from=" + today.minusDays(60), ada).raw().body())
                .startsWith("day,metric,dimension,group,actual,expected,score,work_item_id").contains("ARRIVALS,queue,denials,70.0,20.0");

        ApiClient.Response settings = api.put("/api/v1/watch-settings", ada, Map.of("agingDays", 2, "agingMax", 1, "createWorkItems", true,
                "owner", "sam@" + tenant));
        assertThat(settings.status()).isEqualTo(200);
        assertThat(api.put("/api/v1/watch-settings", ada, Map.of("threshold", 1)).list("errors"))
                .extracting(e -> e.get("field")).containsExactly("threshold");
        List<Map<String, Object>> aging = api.post("/api/v1/insights/anomalies:detect?from=" + today.minusDays(1) + "&to=" + today.minusDays(1),
                ada, Map.of()).list("anomalies").stream().filter(a -> "AGING".equals(a.get("metric"))).toList();
        assertThat(aging).hasSize(1);
        assertThat(aging.get(0)).containsEntry("group", "denials").containsEntry("actual", 3.0);
        assertThat(aging.get(0).get("workItemId")).isNotNull();
        ApiClient.Response alert = api.get("/api/v1/work-items/" + aging.get(0).get("workItemId"), ada);
        assertThat(alert.string("type")).isEqualTo("OPERATIONS_ALERT");
        assertThat(alert.string("title")).startsWith("AGING of queue denials");
    }
}
