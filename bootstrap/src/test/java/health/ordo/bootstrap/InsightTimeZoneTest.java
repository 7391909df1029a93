package health.ordo.bootstrap;

import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant's insights count in the days of its business calendar's zone, over HTTP: an item that arrives at 02:30 UTC
 * counts on the previous day in New York; a history row's local timestamp is the tenant's local time; and when the
 * calendar moves to another zone, the rounds count the tenant's rollups again in the new zone's days; a range without
 * an end ends on the tenant's today.
 */
@MicronautTest(transactional = false)
class InsightTimeZoneTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;

    @Test
    void insightsCountInTheTenantsCalendarZone_andAgainWhenItMoves() {
        String tenant = FreshTenant.provision(provision, "tz");
        ApiClient api = new ApiClient(server.getURI(), json);
        String ada = api.login("ada@" + tenant, FreshTenant.ADA);
        assertThat(calendar(api, ada, "America/New_York")).isIn(200, 201);

        // 02:30 UTC on 10 November is 21:30 on the 9th in New York; "2026-11-10 09:00" is 09:00 in New York (14:00 UTC)
        String csv = """
                type,queue,source_reference,received,completed,outcome,payer,amount,currency
                CLAIM_DENIAL,denials,TZ-1,2026-11-10T02:30:00Z,2026-11-10T03:00:00Z,COMPLETED,Aetna,100,USD
                CLAIM_DENIAL,denials,TZ-2,2026-11-10 09:00,2026-11-10 22:30,COMPLETED,Aetna,100,USD
                """;
        String job = api.postRaw("/api/v1/history:import?source=legacy-wq", ada, csv, "text/csv").header("Location");
        Eventually.until(() -> "COMPLETED".equals(api.get(job, ada).body().get("status")), "the import completes");

        Eventually.until(() -> arrivalsByDay(api, ada).equals(Map.of("2026-11-09", 1, "2026-11-10", 1)), "arrivals on New York's days");
        // TZ-2 closed at 22:30 New York time, 03:30 UTC on the 11th: a New York day's completion
        assertThat(completionsByDay(api, ada)).isEqualTo(Map.of("2026-11-09", 1, "2026-11-10", 1));

        // Tokyo is UTC+9: 11:30 and 23:00 on the 10th; TZ-2 closed at 12:30 on the 11th
        assertThat(calendar(api, ada, "Asia/Tokyo")).isEqualTo(200);
        Eventually.until(() -> arrivalsByDay(api, ada).equals(Map.of("2026-11-10", 2)), "arrivals counted again on Tokyo's days");
        assertThat(completionsByDay(api, ada)).isEqualTo(Map.of("2026-11-10", 1, "2026-11-11", 1));

        // a range without an end ends on the tenant's today: at any moment one of these two zones has another date than UTC
        for (String zone : List.of("Pacific/Kiritimati", "Pacific/Pago_Pago")) {
            assertThat(calendar(api, ada, zone)).isEqualTo(200);
            String before = LocalDate.now(ZoneId.of(zone)).toString();
            Object to = api.get("/api/v1/insights/flow", ada).body().get("to");
            assertThat(to).as("to in %s", zone).isIn(before, LocalDate.now(ZoneId.of(zone)).toString());
        }
    }

    private static int calendar(ApiClient api, String token, String zone) {
        return api.put("/api/v1/calendars/default", token, Map.of("zone", zone,
                "hours", Map.of("MONDAY", List.of(Map.of("start", "09:00", "end", "17:00"))))).status();
    }

    private static Map<String, Integer> arrivalsByDay(ApiClient api, String token) {
        return byDay(api, token, "arrivals");
    }

    private static Map<String, Integer> completionsByDay(ApiClient api, String token) {
        return byDay(api, token, "completions");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> byDay(ApiClient api, String token, String column) {
        Map<String, Object> body = api.get("/api/v1/insights/flow?period=day&from=2026-11-08&to=2026-11-12", token).body();
        Map<String, Integer> days = new TreeMap<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) body.getOrDefault("rows", List.of())) {
            int count = ((Number) row.get(column)).intValue();
            if (count > 0) {
                days.put((String) row.get("period"), count);
            }
        }
        return days;
    }
}
