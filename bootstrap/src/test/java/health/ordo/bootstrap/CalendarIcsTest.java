package health.ordo.bootstrap;

import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.sla.BusinessCalendar;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Business calendars in and out as iCalendar files over HTTP: a recurring holiday moves an item's SLA deadline. */
@MicronautTest(transactional = false)
class CalendarIcsTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;

    private ApiClient api;
    private String tenant;
    private String ada;
    private String sam;

    @BeforeEach
    void tenant() {
        tenant = "ics-" + UUID.randomUUID().toString().substring(0, 6);
        provision.provision(TenantId.of(tenant), "Calendars", List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse("ada@" + tenant), "Ada", "password-of-ada", Set.of(Role.TENANT_ADMIN)),
                new ProvisionTenantUseCase.NewUser(Login.parse("sam@" + tenant), "Sam", "password-of-sam", Set.of(Role.SUPERVISOR))));
        api = new ApiClient(server.getURI(), json);
        ada = api.login("ada@" + tenant, "password-of-ada");
        sam = api.login("sam@" + tenant, "password-of-sam");
    }

    @Test
    void aRecurringHolidayImportedFromIcs_movesTheSlaDeadline_andTheCalendarExportsAgain() throws Exception {
        assertThat(api.put("/api/v1/calendars/office", ada, Map.of("zone", ZONE.getId(), "hours", weekdays())).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/sla-policies", ada, Map.of("policyId", "holds", "appliesTo", "INVOICE_HOLD", "calendarId", "office",
                "goal", "PT8H", "deadline", "PT80H")).status()).isEqualTo(201);
        String item = api.post("/api/v1/work-items", ada, Map.of("type", "INVOICE_HOLD", "source", Map.of("system", "oracle-fusion",
                "externalId", "ICS-1"), "title", "Price hold", "amount", Map.of("value", "1200.00", "currency", "USD"))).string("id");
        ApiClient.Response before = api.get("/api/v1/work-items/" + item + "/sla", ada);
        assertThat(before.string("policyId")).isEqualTo("holds");
        Instant deadline = Instant.parse(before.string("deadlineAt"));

        // a weekday between now and the deadline, recurring every year, with next year's occurrence moved by EXDATE/RDATE
        LocalDate holiday = LocalDate.now(ZONE).plusDays(2);
        while (holiday.getDayOfWeek() == DayOfWeek.SATURDAY || holiday.getDayOfWeek() == DayOfWeek.SUNDAY) {
            holiday = holiday.plusDays(1);
        }
        LocalDate nextYear = holiday.plusYears(1);
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example Health HR//Holidays//EN",
                "X-WR-TIMEZONE:America/New_York",
                "BEGIN:VEVENT", "UID:founders-day@hr.example.org", "DTSTAMP:20260101T000000Z",
                "DTSTART;VALUE=DATE:" + BASIC.format(holiday), "DTEND;VALUE=DATE:" + BASIC.format(holiday.plusDays(1)),
                "RRULE:FREQ=YEARLY", "EXDATE;VALUE=DATE:" + BASIC.format(nextYear), "RDATE;VALUE=DATE:" + BASIC.format(nextYear.plusDays(1)),
                "SUMMARY:Founders' day", "END:VEVENT",
                "BEGIN:VEVENT", "UID:clearinghouse@it.example.org", "DTSTAMP:20260101T000000Z",
                "DTSTART;TZID=America/Chicago:" + BASIC.format(holiday.plusYears(2)) + "T080000",
                "DTEND;TZID=America/Chicago:" + BASIC.format(holiday.plusYears(2)) + "T100000",
                "SUMMARY:Clearinghouse outage", "END:VEVENT",
                "END:VCALENDAR", "");
        ApiClient.Response imported = api.postRaw("/api/v1/calendars/office:import?from=" + holiday.withDayOfYear(1) + "&to="
                + holiday.withDayOfYear(1).plusYears(3), ada, ics, "text/calendar");

        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
        assertThat(imported.body()).containsEntry("created", false).containsEntry("holidaysAdded", 3).containsEntry("closuresAdded", 1);
        assertThat(((Map<?, ?>) imported.body().get("calendar")).get("holidays")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactly(holiday.toString(), nextYear.plusDays(1).toString(), holiday.plusYears(2).toString());
        Instant moved = Instant.parse(api.get("/api/v1/work-items/" + item + "/sla", ada).string("deadlineAt"));
        assertThat(moved).as("the holiday is not business time").isAfter(deadline);
        assertThat(BusinessCalendar.standard(TenantId.of(tenant), ZONE.getId()).businessTimeBetween(deadline, moved))
                .as("one working day later").isEqualTo(Duration.ofHours(8));

        HttpResponse<String> exported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                server.getURI().resolve("/api/v1/calendars/office:export")).header("Authorization", "Bearer " + sam).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(exported.headers().firstValue("Content-Disposition").orElse("")).contains("office.ics");
        assertThat(exported.body()).contains("BEGIN:VCALENDAR", "X-WR-TIMEZONE:America/New_York",
                "DTSTART;VALUE=DATE:" + BASIC.format(holiday), "DTSTART;VALUE=DATE:" + BASIC.format(nextYear.plusDays(1)))
                .doesNotContain("DTSTART;VALUE=DATE:" + BASIC.format(nextYear));

        ApiClient.Response copy = api.postRaw("/api/v1/calendars/office-copy:import?mode=REPLACE&from=" + holiday.withDayOfYear(1)
                + "&to=" + holiday.withDayOfYear(1).plusYears(3), ada, exported.body(), "text/calendar");
        assertThat(copy.status()).isEqualTo(201);
        assertThat(copy.raw().headers().firstValue("Location")).hasValue("/api/v1/calendars/office-copy");
        Map<?, ?> original = (Map<?, ?>) imported.body().get("calendar");
        Map<?, ?> copied = (Map<?, ?>) copy.body().get("calendar");
        assertThat(copied.get("zone")).isEqualTo("America/New_York");
        assertThat(copied.get("holidays")).isEqualTo(original.get("holidays"));
        assertThat(copied.get("closures")).isEqualTo(original.get("closures"));
    }

    @Test
    void replacingAYear_keepsTheOtherYears_andBadFilesAre422NamingTheLineOrEvent() {
        api.put("/api/v1/calendars/payroll", ada, Map.of("zone", ZONE.getId(), "hours", weekdays(),
                "holidays", List.of("2027-07-05", "2027-12-24", "2028-07-04")));

        ApiClient.Response replaced = api.postRaw("/api/v1/calendars/payroll:import?mode=replace&from=2027-01-01&to=2028-01-01", ada,
                String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//x//EN", "BEGIN:VEVENT", "UID:nyd",
                        "DTSTAMP:20260101T000000Z", "DTSTART;VALUE=DATE:20270101", "RRULE:FREQ=YEARLY", "SUMMARY:New Year", "END:VEVENT",
                        "END:VCALENDAR", ""), "text/calendar");
        ApiClient.Response notIcs = api.postRaw("/api/v1/calendars/payroll:import", ada, "Holidays 2027: Jan 1, Dec 25", "text/calendar");
        ApiClient.Response noStart = api.postRaw("/api/v1/calendars/payroll:import", ada, String.join("\r\n", "BEGIN:VCALENDAR",
                "VERSION:2.0", "PRODID:-//x//EN", "BEGIN:VEVENT", "UID:a", "DTSTART;VALUE=DATE:20270101", "END:VEVENT", "BEGIN:VEVENT",
                "UID:b", "SUMMARY:no date", "END:VEVENT", "END:VCALENDAR", ""), "text/calendar");
        ApiClient.Response badMode = api.postRaw("/api/v1/calendars/payroll:import?mode=overwrite", ada, "BEGIN:VCALENDAR", "text/calendar");
        ApiClient.Response bySupervisor = api.postRaw("/api/v1/calendars/payroll:import", sam, "BEGIN:VCALENDAR", "text/calendar");

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(((Map<?, ?>) replaced.body().get("calendar")).get("holidays")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .as("2027's holidays replaced by the file's, 2028's kept").containsExactly("2027-01-01", "2028-07-04");
        assertThat(notIcs.status()).isEqualTo(422);
        assertThat(notIcs.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(notIcs.list("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("field")).isEqualTo("body");
            assertThat(e.get("message").toString()).contains("line 1");
        });
        assertThat(noStart.status()).isEqualTo(422);
        assertThat(noStart.list("errors")).extracting(e -> e.get("field")).containsExactly("VEVENT[1].DTSTART");
        assertThat(badMode.list("errors")).extracting(e -> e.get("field")).containsExactly("mode");
        assertThat(bySupervisor.status()).isEqualTo(403);
        assertThat(((Map<?, ?>) api.get("/api/v1/calendars/payroll", ada).body()).get("holidays")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .as("refused files change nothing").containsExactly("2027-01-01", "2028-07-04");
        assertThat(api.get("/api/v1/calendars/nowhere:export", ada).status()).isEqualTo(404);
    }

    private static Map<String, Object> weekdays() {
        List<Map<String, String>> nineToFive = List.of(Map.of("start", "09:00", "end", "17:00"));
        return Map.of("MONDAY", nineToFive, "TUESDAY", nineToFive, "WEDNESDAY", nineToFive, "THURSDAY", nineToFive, "FRIDAY", nineToFive);
    }
}
