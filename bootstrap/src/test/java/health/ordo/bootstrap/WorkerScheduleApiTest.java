package health.ordo.bootstrap;

import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A worker's calendar and time off: kept per worker, validated field by field, and counted by the breach forecast. */
@MicronautTest(transactional = false)
class WorkerScheduleApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;

    @Test
    void aWorkerOnLeave_leavesTheQueuesItemsToBreach_andTheScheduleIsValidatedAndGoesWithTheWorker() {
        String tenant = FreshTenant.provision(provision, "ws");
        ApiClient api = new ApiClient(server.getURI(), json);
        String ada = api.login("ada@" + tenant, FreshTenant.ADA);
        String sam = api.login("sam@" + tenant, FreshTenant.SAM);
        LocalDate today = Instant.now().atZone(ZoneOffset.UTC).toLocalDate();
        String path = "/api/v1/workers/ada@" + tenant + "/schedule";
        assertThat(api.put("/api/v1/queues/vendors", ada, Map.of("name", "Vendors")).status()).isIn(200, 201);
        assertThat(api.put("/api/v1/workers/ada@" + tenant, ada, Map.of("queues", List.of("vendors"), "capacity", 5, "available", true))
                .status()).isIn(200, 201);
        String item = api.post("/api/v1/work-items", ada, Map.of("type", "SUPPLIER_ONBOARDING", "source", Map.of("system", "test",
                "externalId", "WS-1"), "title", "Onboard WS-1", "queue", "vendors", "dueAt",
                Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS).toString())).string("id");
        String breachesBy = "/api/v1/forecast/breaches?queue=vendors&by=" + today.plusDays(7);

        assertThat(api.get(path, sam).body()).containsEntry("calendar", null).containsEntry("timeOff", List.of());
        assertThat(items(api.get(breachesBy, sam).body())).doesNotContain(item);

        ApiClient.Response leave = api.put(path, sam, Map.of("timeOff", List.of(Map.of("from", today.toString(),
                "to", today.plusDays(30).toString(), "reason", "annual leave"))));
        assertThat(leave.status()).as(leave.raw().body()).isEqualTo(200);
        assertThat(api.get(path, ada).list("timeOff")).singleElement().satisfies(period -> assertThat(period)
                .containsEntry("from", today.toString()).containsEntry("to", today.plusDays(30).toString()).containsEntry("reason", "annual leave"));
        Map<String, Object> onLeave = api.get(breachesBy, sam).body();
        assertThat(items(onLeave)).contains(item);
        assertThat(api.post("/api/v1/forecast/what-if", sam, Map.of("queue", "vendors", "addWorkers", 1, "by", today.plusDays(7).toString()))
                .list("saved")).extracting(saved -> saved.get("workItemId")).contains(item);

        assertThat(api.put(path, ada, Map.of("calendar", "night-shift")).list("errors")).extracting(e -> e.get("field"))
                .containsExactly("calendar");
        assertThat(api.put(path, ada, Map.of("timeOff", List.of(Map.of("from", "2026-13-01", "to", "2026-12-02")))).list("errors"))
                .extracting(e -> e.get("field")).containsExactly("timeOff[0].from");
        assertThat(api.put(path, ada, Map.of("timeOff", List.of(Map.of("from", "2026-12-02", "to", "2026-12-01")))).list("errors"))
                .extracting(e -> e.get("field")).containsExactly("timeOff[0].to");
        assertThat(api.put("/api/v1/workers/nobody@" + tenant + "/schedule", ada, Map.of()).status()).isEqualTo(404);
        // an unknown worker is the answer before the body's own mistakes
        assertThat(api.put("/api/v1/workers/nobody@" + tenant + "/schedule", ada, Map.of("timeOff",
                List.of(Map.of("from", "2026-13-01", "to", "2026-12-02")))).status()).isEqualTo(404);
        assertThat(api.get(path, ada).list("timeOff")).as("nothing refused was stored").hasSize(1);

        assertThat(api.put("/api/v1/calendars/weekdays", ada, Map.of("zone", "UTC", "hours", Map.of("MONDAY",
                List.of(Map.of("start", "08:00", "end", "12:00"))))).status()).isEqualTo(201);
        assertThat(api.put(path, ada, Map.of("calendar", "weekdays")).body()).containsEntry("calendar", "weekdays")
                .containsEntry("timeOff", List.of());
        assertThat(api.delete("/api/v1/workers/ada@" + tenant, ada).status()).isEqualTo(204);
        assertThat(api.get(path, ada).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/workers/ada@" + tenant, ada, Map.of("queues", List.of("vendors"), "capacity", 5, "available", true))
                .status()).isEqualTo(201);
        assertThat(api.get(path, ada).body()).as("a new worker of the same login starts without the old schedule")
                .containsEntry("calendar", null).containsEntry("timeOff", List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> items(Map<String, Object> breaches) {
        return ((List<Map<String, Object>>) breaches.get("items")).stream().map(i -> i.get("workItemId")).toList();
    }
}
