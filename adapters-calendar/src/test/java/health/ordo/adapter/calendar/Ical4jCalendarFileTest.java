package health.ordo.adapter.calendar;

import health.ordo.application.port.out.sla.CalendarFilePort;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.sla.BusinessCalendar;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ical4jCalendarFileTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2029, 1, 1);

    private final Ical4jCalendarFile files = new Ical4jCalendarFile();

    @Test
    void anOutlookHolidayFile_expandsItsRecurringHolidays_andReadsItsClosuresInTheirZones() throws IOException {
        CalendarFilePort.Content content = files.read(fixture("revenue-cycle-holidays.ics"), Optional.empty(), NEW_YORK, FROM, TO);

        assertThat(content.zone()).as("the file's X-WR-TIMEZONE, the calendar being new").isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(content.holidays()).containsExactlyInAnyOrder(
                day("2026-01-01"), day("2027-01-01"), day("2028-01-01"),
                day("2026-05-25"), day("2027-05-31"), day("2028-05-29"),
                day("2026-11-26"), day("2026-11-27"), day("2027-11-25"), day("2027-11-26"), day("2028-11-23"), day("2028-11-24"),
                day("2026-12-25"), day("2027-12-24"), day("2028-12-25"));
        assertThat(content.closures()).containsExactlyInAnyOrder(
                // Outlook's own zone name, defined by the file's VTIMEZONE: CST at the start, CDT (from March 14) at the end
                closure("2027-03-13T00:00:00Z", "2027-03-15T11:00:00Z"),
                closure("2027-01-06T14:00:00Z", "2027-01-06T16:00:00Z"),
                closure("2027-01-13T14:00:00Z", "2027-01-13T16:00:00Z"),
                closure("2027-01-20T14:00:00Z", "2027-01-20T16:00:00Z"),
                // a floating time, read in the calendar's zone
                closure("2027-02-04T21:00:00Z", "2027-02-04T22:00:00Z"));
        assertThat(content.skipped()).hasSize(2).anySatisfy(s -> assertThat(s).contains("Lunch and learn").contains("TRANSPARENT"))
                .anySatisfy(s -> assertThat(s).contains("Summer picnic").contains("cancelled"));
    }

    @Test
    void anExistingCalendarsZone_readsTheFloatingTimes() throws IOException {
        CalendarFilePort.Content content = files.read(fixture("revenue-cycle-holidays.ics"), Optional.of(NEW_YORK), NEW_YORK, FROM, TO);

        assertThat(content.zone()).isEqualTo(NEW_YORK);
        assertThat(content.closures()).contains(closure("2027-02-04T20:00:00Z", "2027-02-04T21:00:00Z"));
    }

    @Test
    void aFileDeclaringUtc_likeGooglesHolidayCalendars_leavesTheZoneToTheDeployment() {
        byte[] google = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nX-WR-TIMEZONE:UTC\r\n"
                + "BEGIN:VEVENT\r\nUID:independence@google.com\r\nDTSTART;VALUE=DATE:20270704\r\nDTEND;VALUE=DATE:20270705\r\n"
                + "SUMMARY:Independence Day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").getBytes(StandardCharsets.UTF_8);

        CalendarFilePort.Content content = files.read(google, Optional.empty(), NEW_YORK, FROM, TO);

        assertThat(content.zone()).isEqualTo(NEW_YORK);
        assertThat(content.holidays()).containsExactly(day("2027-07-04"));
    }

    @Test
    void onlyTheWindow_isExpanded() throws IOException {
        CalendarFilePort.Content content = files.read(fixture("revenue-cycle-holidays.ics"), Optional.empty(), NEW_YORK,
                day("2027-11-26"), day("2028-01-01"));

        assertThat(content.holidays()).containsExactlyInAnyOrder(day("2027-11-26"), day("2027-12-24"));
        assertThat(content.closures()).isEmpty();
    }

    @Test
    void anExportedCalendar_readsBackToTheSameHolidaysAndClosures() {
        TenantId tenant = TenantId.of("st-marys");
        BusinessCalendar standard = BusinessCalendar.standard(tenant, "Europe/Berlin");
        BusinessCalendar calendar = new BusinessCalendar(tenant, "billing", "Europe/Berlin", standard.hours(),
                Set.of(day("2027-12-24"), day("2027-12-25"), day("2027-12-26")),
                List.of(closure("2027-03-01T08:00:00Z", "2027-03-01T10:30:00Z")));

        String written = new String(files.write(calendar), StandardCharsets.UTF_8);
        CalendarFilePort.Content read = files.read(written.getBytes(StandardCharsets.UTF_8), Optional.empty(), NEW_YORK, FROM, TO);

        assertThat(written).startsWith("BEGIN:VCALENDAR\r\n").contains("VERSION:2.0", "X-WR-TIMEZONE:Europe/Berlin",
                "DTSTART;VALUE=DATE:20271224", "DTEND;VALUE=DATE:20271225", "DTSTART:20270301T080000Z");
        assertThat(read.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(read.holidays()).isEqualTo(calendar.holidays());
        assertThat(read.closures()).containsExactlyElementsOf(calendar.closures());
    }

    @Test
    void aFileThatIsNotICalendar_namesTheLine() {
        byte[] broken = ics("BEGIN:VEVENT", "UID:x", "DTSTART;VALUE=DATE:2027x", "END:VEVENT");

        assertThatThrownBy(() -> files.read(broken, Optional.empty(), NEW_YORK, FROM, TO)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("line 7").extracting("field").isEqualTo("body");
        assertThatThrownBy(() -> files.read("holidays: 25 December".getBytes(StandardCharsets.UTF_8), Optional.empty(), NEW_YORK, FROM, TO))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("line 1");
    }

    @Test
    void anEventWithoutAStart_isNamedWithItsProperty() {
        byte[] file = ics("BEGIN:VEVENT", "UID:x", "SUMMARY:Holiday", "END:VEVENT");

        assertThatThrownBy(() -> files.read(file, Optional.empty(), NEW_YORK, FROM, TO)).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("VEVENT[0].DTSTART");
    }

    @Test
    void anUnknownTimeZone_isRefused_andNothingIsFetched() {
        byte[] file = ics("BEGIN:VEVENT", "UID:x", "DTSTART;TZID=Mars/Olympus_Mons:20270105T130000",
                "DTEND;TZID=Mars/Olympus_Mons:20270105T150000", "END:VEVENT");

        assertThatThrownBy(() -> files.read(file, Optional.empty(), NEW_YORK, FROM, TO)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("Mars/Olympus_Mons").extracting("field").isEqualTo("VEVENT[0].DTSTART");
    }

    @Test
    void rulesRepeatingMoreOftenThanDaily_areRefused() {
        byte[] file = ics("BEGIN:VEVENT", "UID:x", "DTSTART:20270105T130000Z", "DURATION:PT1M", "RRULE:FREQ=MINUTELY", "END:VEVENT");

        assertThatThrownBy(() -> files.read(file, Optional.empty(), NEW_YORK, FROM, TO)).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("VEVENT[0].RRULE");
    }

    @Test
    void aFileExpandingToTooManyOccurrences_isRefused() {
        String[] lines = new String[6 * 30];
        for (int i = 0; i < 30; i++) {
            String minute = String.format("%02d", i);
            System.arraycopy(new String[]{"BEGIN:VEVENT", "UID:e" + i, "DTSTART:20260101T00" + minute + "00Z", "DURATION:PT1S",
                    "RRULE:FREQ=DAILY", "END:VEVENT"}, 0, lines, i * 6, 6);
        }

        assertThatThrownBy(() -> files.read(ics(lines), Optional.empty(), NEW_YORK, FROM, TO)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("more than " + Ical4jCalendarFile.MAX_OCCURRENCES);
    }

    private static byte[] ics(String... events) {
        return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nX-WR-TIMEZONE:America/New_York\r\n"
                + String.join("\r\n", events) + "\r\nEND:VCALENDAR\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = Ical4jCalendarFileTest.class.getResourceAsStream("/" + name)) {
            return in.readAllBytes();
        }
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private static BusinessCalendar.Closure closure(String from, String to) {
        return new BusinessCalendar.Closure(Instant.parse(from), Instant.parse(to));
    }
}
