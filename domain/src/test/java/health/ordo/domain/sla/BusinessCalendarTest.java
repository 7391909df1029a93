package health.ordo.domain.sla;

import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTest {

    private static final TenantId TENANT = TenantId.of("demo");
    private static final String NEW_YORK = "America/New_York";

    private static Instant ny(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(NEW_YORK)).toInstant();
    }

    private static BusinessCalendar nightShifts() {
        Map<DayOfWeek, List<WorkingWindow>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, List.of(new WorkingWindow(LocalTime.of(22, 0), LocalTime.of(6, 0))));
        }
        return new BusinessCalendar(TENANT, "nights", NEW_YORK, hours, Set.of(), List.of());
    }

    @Test
    void givenDstSpringForwardWeekend_weekdayHoursStayEightAndTheNightShiftLosesAnHour() {
        BusinessCalendar standard = BusinessCalendar.standard(TENANT, NEW_YORK);

        assertThat(standard.businessTimeBetween(ny("2026-03-06T16:00"), ny("2026-03-09T10:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(standard.businessTimeBetween(ny("2026-03-09T00:00"), ny("2026-03-10T00:00"))).isEqualTo(Duration.ofHours(8));
        assertThat(nightShifts().businessTimeBetween(ny("2026-03-07T21:00"), ny("2026-03-08T07:00")))
                .as("22:00-06:00 across spring-forward").isEqualTo(Duration.ofHours(7));
    }

    @Test
    void givenDstFallBackWeekend_theNightShiftGainsAnHour() {
        assertThat(nightShifts().businessTimeBetween(ny("2026-10-31T21:00"), ny("2026-11-01T07:00"))).isEqualTo(Duration.ofHours(9));
        assertThat(BusinessCalendar.standard(TENANT, NEW_YORK).businessTimeBetween(ny("2026-10-30T09:00"), ny("2026-11-02T17:00")))
                .isEqualTo(Duration.ofHours(16));
    }

    @Test
    void givenHolidayOnAFriday_itIsSkipped_andAddingTimeJumpsOverTheLongWeekend() {
        BusinessCalendar standard = BusinessCalendar.standard(TENANT, NEW_YORK);
        BusinessCalendar withHoliday = new BusinessCalendar(TENANT, "us", NEW_YORK, standard.hours(),
                Set.of(LocalDate.parse("2026-07-03")), List.of());

        assertThat(withHoliday.businessTimeBetween(ny("2026-07-02T16:00"), ny("2026-07-06T10:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(standard.businessTimeBetween(ny("2026-07-02T16:00"), ny("2026-07-06T10:00"))).isEqualTo(Duration.ofHours(10));
        assertThat(withHoliday.addBusinessTime(ny("2026-07-02T16:00"), Duration.ofHours(2))).isEqualTo(ny("2026-07-06T10:00"));
    }

    @Test
    void shiftCrossingMidnight_belongsToTheDayItStarts() {
        Map<DayOfWeek, List<WorkingWindow>> hours = new EnumMap<>(DayOfWeek.class);
        hours.put(DayOfWeek.FRIDAY, List.of(new WorkingWindow(LocalTime.of(20, 0), LocalTime.of(4, 0))));
        BusinessCalendar fridayNights = new BusinessCalendar(TENANT, "fri", NEW_YORK, hours, Set.of(), List.of());

        assertThat(fridayNights.businessTimeBetween(ny("2026-11-27T00:00"), ny("2026-11-29T00:00"))).isEqualTo(Duration.ofHours(8));
        assertThat(fridayNights.addBusinessTime(ny("2026-11-27T23:00"), Duration.ofHours(3))).isEqualTo(ny("2026-11-28T02:00"));
    }

    @Test
    void closures_removeWorkingTime() {
        BusinessCalendar standard = BusinessCalendar.standard(TENANT, NEW_YORK);
        BusinessCalendar outage = new BusinessCalendar(TENANT, "outage", NEW_YORK, standard.hours(), Set.of(),
                List.of(new BusinessCalendar.Closure(ny("2026-11-24T12:00"), ny("2026-11-24T14:00"))));

        assertThat(outage.businessTimeBetween(ny("2026-11-24T09:00"), ny("2026-11-24T17:00"))).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void badCalendars_areRefusedNamingTheField() {
        Map<DayOfWeek, List<WorkingWindow>> overlapping = Map.of(DayOfWeek.MONDAY,
                List.of(new WorkingWindow(LocalTime.of(9, 0), LocalTime.of(13, 0)), new WorkingWindow(LocalTime.of(12, 0), LocalTime.of(17, 0))));

        assertThatThrownBy(() -> new BusinessCalendar(TENANT, "x", NEW_YORK, overlapping, Set.of(), List.of()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("hours.MONDAY"));
        assertThatThrownBy(() -> new BusinessCalendar(TENANT, "x", "Mars/Olympus", BusinessCalendar.standard(TENANT, NEW_YORK).hours(),
                Set.of(), List.of())).isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("zone"));
        assertThatThrownBy(() -> new SlaTerms(Duration.ofHours(40), Duration.ofHours(16), 80))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("goal"));
    }

    @Test
    void businessDays_useTheCalendarsAverageDay() {
        BusinessCalendar standard = BusinessCalendar.standard(TENANT, NEW_YORK);

        assertThat(standard.businessDaysBetween(ny("2026-11-23T09:00"), ny("2026-11-25T09:00"))).isEqualTo(2.0);
        assertThat(standard.businessDaysBetween(ny("2026-11-25T09:00"), ny("2026-11-23T09:00"))).isEqualTo(-2.0);
    }
}
