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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Black box over HTTP: a legacy work-queue history is imported (CSV, two bad rows, imported twice), then aging, SLA
 * attainment, recommendation acceptance, the arrival forecast with intervals and backtest, the breach list for a date, a
 * staffing answer and a what-if are read, each also as CSV.
 */
@MicronautTest(transactional = false)
class InsightsApiTest {

    private static final int[] PER_WEEKDAY = {12, 10, 10, 9, 8, 1, 0};

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;

    /** What the generated history holds, counted while generating it. */
    private static final class Expected {
        int rows;
        int withDeadline;
        int met;
        int writtenOff;
    }

    @Test
    void importedHistory_answersInsightsForecastsAndStaffing_asJsonAndCsv() {
        String tenant = FreshTenant.provision(provision, "in");
        ApiClient api = new ApiClient(server.getURI(), json);
        String ada = api.login("ada@" + tenant, FreshTenant.ADA);
        String sam = api.login("sam@" + tenant, FreshTenant.SAM);
        Instant now = Instant.now();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        Expected expected = new Expected();
        String csv = history(today, now, expected);

        ApiClient.Response submitted = api.postRaw("/api/v1/history:import?source=legacy-wq", ada, csv, "text/csv");
        assertThat(submitted.status()).isEqualTo(202);
        String location = submitted.header("Location");
        assertThat(location).startsWith("/api/v1/history-imports/");
        Map<String, Object> job = Eventually.value(() -> api.get(location, ada).body(), body -> "COMPLETED".equals(body.get("status")));
        assertThat(job.get("accepted")).isEqualTo(expected.rows);
        assertThat(job.get("rejected")).isEqualTo(2);
        ApiClient.Response rejections = api.get(location + "/rejections", ada);
        assertThat(rejections.raw().body()).contains("\"field\":\"received\"").contains("\"field\":\"queue\"");
        assertThat(api.getCsv(location + "/rejections", ada).raw().body()).startsWith("row,field,message");

        // the same file again replaces, it does not add
        String again = api.postRaw("/api/v1/history:import?source=legacy-wq", ada, csv, "text/csv").header("Location");
        Eventually.value(() -> api.get(again, ada).body(), body -> "COMPLETED".equals(body.get("status")));

        String range = "from=" + today.minusDays(140) + "&to=" + today;
        Map<String, Object> flow = Eventually.value(() -> api.get("/api/v1/insights/flow?" + range, sam).body(),
                body -> rows(body).size() == 1 && ((Number) rows(body).get(0).get("arrivals")).intValue() == expected.rows);
        assertThat(rows(flow).get(0).get("completions")).isEqualTo(expected.rows - 5);

        Map<String, Object> backlog = rows(api.get("/api/v1/insights/backlog?groupBy=queue", sam).body()).get(0);
        assertThat(backlog).containsEntry("group", "denials").containsEntry("open", 5).containsEntry("days_0_2", 1)
                .containsEntry("days_3_7", 1).containsEntry("days_8_30", 1).containsEntry("days_31_90", 1)
                .containsEntry("days_over_90", 1).containsEntry("past_deadline", 3);
        assertThat(((Number) backlog.get("money_at_stake")).doubleValue()).isEqualTo(5000.0);

        Map<String, Object> sla = rows(api.get("/api/v1/insights/sla?" + range, sam).body()).get(0);
        assertThat(sla.get("completed_with_deadline")).isEqualTo(expected.withDeadline);
        assertThat(sla.get("met")).isEqualTo(expected.met);
        assertThat(((Number) sla.get("attainment_percent")).doubleValue())
                .isEqualTo(Math.round(1000.0 * expected.met / expected.withDeadline) / 10.0);
        List<Map<String, Object>> byPayer = rows(api.get("/api/v1/insights/sla?groupBy=payer&" + range, sam).body());
        assertThat(byPayer).extracting(row -> row.get("group")).containsExactly("Aetna", "Cigna");
        // filtered by one payer, read from the pair rows, as the same question read from the facts (two filters)
        for (String insight : List.of("flow", "sla", "durations", "quality", "acceptance", "money")) {
            List<Map<String, Object>> fromPairs = rows(api.get("/api/v1/insights/" + insight + "?payer=Aetna&groupBy=type&period=week&"
                    + range, sam).body());
            List<Map<String, Object>> fromFacts = rows(api.get("/api/v1/insights/" + insight
                    + "?payer=Aetna&type=CLAIM_DENIAL&groupBy=type&period=week&" + range, sam).body());
            assertThat(fromPairs).as(insight).hasSizeGreaterThan(insight.equals("money") ? 0 : 10).isEqualTo(fromFacts); // money has no period
        }
        Map<String, Object> aetna = new java.util.HashMap<>(rows(api.get("/api/v1/insights/sla?payer=Aetna&" + range, sam).body()).get(0));
        Map<String, Object> aetnaGroup = new java.util.HashMap<>(byPayer.get(0));
        aetna.remove("group");
        aetnaGroup.remove("group");
        assertThat(aetna).isEqualTo(aetnaGroup);
        Map<String, Object> money = rows(api.get("/api/v1/insights/money?" + range, sam).body()).get(0);
        assertThat(money.get("written_off_items")).isEqualTo(expected.writtenOff);
        Map<String, Object> durations = rows(api.get("/api/v1/insights/durations?" + range, sam).body()).get(0);
        assertThat(((Number) durations.get("touch_p50_hours")).doubleValue()).isBetween(0.45, 0.55);
        assertThat(api.get("/api/v1/insights/sla?payr=Aetna", sam).status()).isEqualTo(400);

        for (String insight : List.of("backlog", "flow", "durations", "sla", "quality", "acceptance", "money")) {
            ApiClient.Response asCsv = api.getCsv("/api/v1/insights/" + insight + "?groupBy=payer&" + range, sam);
            assertThat(asCsv.status()).as(insight).isEqualTo(200);
            assertThat(asCsv.contentType()).startsWith("text/csv");
            assertThat(asCsv.raw().body().lines().findFirst().orElseThrow()).as(insight).contains("group");
        }

        // recommendation acceptance: one item taken through get-next-work, one picked by hand
        assertThat(api.put("/api/v1/queues/denials", ada, Map.of("name", "Denials", "weight", 10, "reservationTimeoutSeconds", 3600))
                .status()).isIn(200, 201);
        assertThat(api.put("/api/v1/workers/ada@" + tenant, ada, Map.of("queues", List.of("denials"), "capacity", 5, "available", true))
                .status()).isIn(200, 201);
        String first = create(api, ada, "ACC-1", now.plus(Duration.ofDays(30)));
        String second = create(api, ada, "ACC-2", now.plus(Duration.ofDays(30)));
        String proposed = api.post("/api/v1/work/next", ada, Map.of()).string("id");
        String picked = proposed.equals(first) ? second : first;
        assertThat(api.post("/api/v1/work-items/" + picked + "/claim", ada, Map.of()).status()).isEqualTo(200);
        for (String id : List.of(proposed, picked)) {
            assertThat(api.post("/api/v1/work-items/" + id + "/start", ada, Map.of()).status()).isEqualTo(200);
            assertThat(api.post("/api/v1/work-items/" + id + "/complete", ada, Map.of("resolutionCode", "PAID")).status()).isEqualTo(200);
        }
        String todayOnly = "from=" + today + "&to=" + today;
        Map<String, Object> acceptance = Eventually.value(() -> api.get("/api/v1/insights/acceptance?" + todayOnly, sam).body(),
                body -> !rows(body).isEmpty() && Integer.valueOf(2).equals(rows(body).get(0).get("claims")));
        assertThat(rows(acceptance).get(0)).containsEntry("claims_as_proposed", 1);
        assertThat(((Number) rows(acceptance).get(0).get("acceptance_percent")).doubleValue()).isEqualTo(50.0);

        // overrides by reason, write-backs and connector runs: their own grouping, no dimension
        String pinned = create(api, ada, "OVR-1", now.plus(Duration.ofDays(30)));
        assertThat(api.post("/api/v1/work-items/" + pinned + "/priority-override", sam, Map.of("target", "PIN_TOP",
                "reasonCode", "EXECUTIVE_REQUEST", "expiresAt", now.plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString()))
                .status()).isIn(200, 201);
        List<Map<String, Object>> overrides = rows(api.get("/api/v1/insights/overrides?from=" + today + "&to=" + today, sam).body());
        assertThat(overrides).hasSize(1);
        assertThat(overrides.get(0)).containsEntry("reason", "EXECUTIVE_REQUEST").containsEntry("kind", "PIN_TOP").containsEntry("items", 1);
        assertThat(((Number) overrides.get(0).get("requested")).intValue() + ((Number) overrides.get(0).get("applied")).intValue()).isEqualTo(1);
        for (String insight : List.of("automation", "integration", "overrides")) {
            assertThat(api.get("/api/v1/insights/" + insight, sam).status()).isEqualTo(200);
            assertThat(api.getCsv("/api/v1/insights/" + insight, sam).contentType()).startsWith("text/csv");
            assertThat(api.get("/api/v1/insights/" + insight + "?groupBy=queue", sam).list("errors"))
                    .extracting(e -> e.get("field")).containsExactly("groupBy");
        }

        // arrivals forecast: the weekly rhythm is found, beats seasonal-naive in its backtest, and carries intervals
        Map<String, Object> arrivals = api.get("/api/v1/forecast/arrivals?days=14&groupBy=queue", sam).body();
        Map<String, Object> denials = listOf(arrivals, "forecasts").stream().filter(f -> "denials".equals(f.get("group"))).findFirst().orElseThrow();
        assertThat(denials.get("method")).isEqualTo("SEASONAL_REGRESSION");
        assertThat(denials.get("terms").toString()).contains("weekday");
        @SuppressWarnings("unchecked")
        Map<String, Object> backtest = (Map<String, Object>) denials.get("backtest");
        assertThat(((Number) backtest.get("mase")).doubleValue()).isLessThan(1.0);
        assertThat(listOf(denials, "days")).hasSize(14).allSatisfy(day -> {
            double value = ((Number) day.get("expected")).doubleValue();
            assertThat(((Number) day.get("lower80")).doubleValue()).isLessThanOrEqualTo(value);
            assertThat(((Number) day.get("upper95")).doubleValue()).isGreaterThanOrEqualTo(((Number) day.get("upper80")).doubleValue());
        });
        assertThat(api.getCsv("/api/v1/forecast/arrivals?days=14", sam).raw().body()).startsWith("queue,date,expected,lower80,upper80");

        // nobody available: an item due in five days breaches by next week, one due in ten days not yet
        assertThat(api.put("/api/v1/workers/ada@" + tenant + "/availability", ada, Map.of("available", false)).status()).isEqualTo(200);
        String soon = create(api, ada, "DUE-5", now.plus(Duration.ofDays(5)));
        String later = create(api, ada, "DUE-10", now.plus(Duration.ofDays(10)));
        Map<String, Object> breaches = api.get("/api/v1/forecast/breaches?by=" + today.plusDays(7), sam).body();
        assertThat(listOf(breaches, "items")).extracting(item -> item.get("workItemId")).contains(soon).doesNotContain(later);
        assertThat(api.getCsv("/api/v1/forecast/breaches?by=" + today.plusDays(7), sam).raw().body())
                .startsWith("work_item_id,queue,type,score,deadline,expected_completion").contains(soon);

        Map<String, Object> whatIf = api.post("/api/v1/forecast/what-if", sam,
                Map.of("queue", "denials", "addWorkers", 5, "by", today.plusDays(14).toString())).body();
        assertThat(whatIf.get("workersBefore")).isEqualTo(0.0);
        assertThat(listOf(whatIf, "saved")).extracting(item -> item.get("workItemId")).contains(soon, later);
        assertThat(((Number) whatIf.get("breachesAfter")).intValue()).isLessThan(((Number) whatIf.get("breachesBefore")).intValue());

        // workers added without the skill the routing rules into the queue require help nobody
        assertThat(api.put("/api/v1/routing-rules/appeals-to-denials", ada, Map.of("position", 1, "when", List.of(Map.of("field", "type",
                "operator", "eq", "value", "UNDERPAYMENT")), "targetQueue", "denials", "skills",
                List.of(Map.of("skill", "appeals", "minProficiency", 3)))).status()).isIn(200, 201);
        Map<String, Object> unskilled = api.post("/api/v1/forecast/what-if", sam, Map.of("queue", "denials", "addWorkers", 5,
                "skills", Map.of("appeals", 1), "by", today.plusDays(14).toString())).body();
        assertThat(unskilled.get("note").toString()).contains("appeals 3");
        assertThat(unskilled.get("workersAfter")).isEqualTo(0.0);
        assertThat(listOf(unskilled, "saved")).isEmpty();
        Map<String, Object> skilled = api.post("/api/v1/forecast/what-if", sam, Map.of("queue", "denials", "addWorkers", 5,
                "skills", Map.of("appeals", 4), "by", today.plusDays(14).toString())).body();
        assertThat(skilled.get("note")).isNull();
        assertThat(listOf(skilled, "saved")).extracting(item -> item.get("workItemId")).contains(soon, later);

        // a draft priority policy: the queue worked in the order it would score, before it is activated
        assertThat(api.post("/api/v1/priority-policies", ada, Map.of("policyId", "money-first", "factors",
                List.of(Map.of("factor", "FINANCIAL_IMPACT", "weight", 1, "parameters", Map.of("cap", 1000000))))).status()).isEqualTo(201);
        Map<String, Object> draftWhatIf = api.post("/api/v1/forecast/what-if", sam, Map.of("queue", "denials", "addWorkers", 5,
                "by", today.plusDays(14).toString(), "policyId", "money-first", "version", 1)).body();
        assertThat(draftWhatIf).containsEntry("policy", "money-first v1").containsEntry("workersAfter", 5.0);
        assertThat(listOf(draftWhatIf, "saved")).extracting(item -> item.get("workItemId")).contains(soon, later);
        assertThat(api.post("/api/v1/forecast/what-if", sam, Map.of("queue", "denials", "policyId", "no-such", "version", 1))
                .list("errors")).extracting(e -> e.get("field")).containsExactly("policyId");

        Map<String, Object> staffing = listOf(api.get("/api/v1/forecast/staffing?queue=denials&target=1&by=" + today.plusDays(14), sam).body(),
                "queues").get(0);
        assertThat(((Number) staffing.get("workersNeeded")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(staffing).containsEntry("feasible", true).containsEntry("breachesNeeded", 0);
        assertThat(((Number) staffing.get("breachesNow")).intValue()).isGreaterThanOrEqualTo(2);
        assertThat(api.getCsv("/api/v1/forecast/staffing?by=" + today.plusDays(14), sam).raw().body()).startsWith("queue,current_workers,workers_needed");
    }

    private static String create(ApiClient api, String token, String reference, Instant due) {
        ApiClient.Response created = api.post("/api/v1/work-items", token, Map.of("type", "SUPPLIER_ONBOARDING",
                "source", Map.of("system", "test", "externalId", reference), "title", "Onboard " + reference, "queue", "denials",
                "dueAt", due.truncatedTo(ChronoUnit.SECONDS).toString(), "amount", Map.of("value", "2500", "currency", "USD")));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.string("id");
    }

    /** 120 days of a weekly rhythm with noise up to yesterday, five open items of known ages, two bad rows. */
    private static String history(LocalDate today, Instant now, Expected expected) {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder("type,queue,source_reference,received,started,completed,deadline,outcome,payer,amount,currency\n");
        List<String> rows = new ArrayList<>();
        for (LocalDate day = today.minusDays(120); day.isBefore(today); day = day.plusDays(1)) {
            int count = Math.max(0, PER_WEEKDAY[day.getDayOfWeek().getValue() - 1] + (day.getDayOfWeek().getValue() <= 5 ? random.nextInt(5) - 2 : 0));
            for (int i = 0; i < count; i++) {
                Instant received = day.atTime(8, 0).toInstant(ZoneOffset.UTC).plus(Duration.ofMinutes(10L * i));
                Instant deadline = received.plus(Duration.ofDays(3));
                boolean late = i == 0 && day.getDayOfWeek() == DayOfWeek.FRIDAY && day.isBefore(today.minusDays(7));
                Instant completed = late ? received.plus(Duration.ofDays(4)) : received.plus(Duration.ofMinutes(150));
                Instant started = completed.minus(Duration.ofMinutes(30));
                if (completed.isAfter(now)) {
                    continue;
                }
                boolean writtenOff = i == 1 && day.getDayOfWeek() == DayOfWeek.MONDAY;
                rows.add(String.join(",", "CLAIM_DENIAL", "denials", "H-" + day + "-" + i, received.toString(), started.toString(),
                        completed.toString(), deadline.toString(), writtenOff ? "WRITTEN_OFF" : "COMPLETED", i % 2 == 0 ? "Aetna" : "Cigna",
                        String.valueOf(100 + i), "USD"));
                expected.withDeadline++;
                expected.met += late ? 0 : 1;
                expected.writtenOff += writtenOff ? 1 : 0;
            }
        }
        for (int age : new int[]{1, 5, 20, 60, 100}) {
            Instant received = now.minus(Duration.ofDays(age)).minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
            rows.add(String.join(",", "CLAIM_DENIAL", "denials", "OPEN-" + age, received.toString(), "", "",
                    received.plus(Duration.ofDays(10)).toString(), "", "Aetna", "1000", "USD"));
        }
        expected.rows = rows.size();
        rows.add(5, "CLAIM_DENIAL,denials,BAD-1,2026-13-01,,,,,Aetna,10,USD");
        rows.add(9, "CLAIM_DENIAL,,BAD-2," + today.minusDays(3) + ",,,,,Aetna,10,USD");
        rows.forEach(row -> csv.append(row).append('\n'));
        return csv.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("rows");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Map<String, Object> body, String field) {
        return (List<Map<String, Object>>) body.get(field);
    }
}
