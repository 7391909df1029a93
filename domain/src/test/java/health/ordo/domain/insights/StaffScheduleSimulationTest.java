package health.ordo.domain.insights;

import health.ordo.domain.routing.WorkerSchedule;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.sla.BusinessCalendar;
import health.ordo.domain.sla.WorkingWindow;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue of {@link BreachSimulationTest} (a 4 h, b 6 h, c 8 h, d 2 h, e 1 h, f 1 h in that order; deadlines b Tue
 * 12:00, c Tue 17:00, d Wed 10:00, f overdue) worked by staff whose workers keep their own hours: checked by hand.
 */
class StaffScheduleSimulationTest {

    private static final TenantId TENANT = TenantId.of("north");
    private static final BusinessCalendar NINE_TO_FIVE = BusinessCalendar.standard(TENANT, "UTC");
    private static final BusinessCalendar MORNINGS = mornings();
    private static final Instant MONDAY_9 = Instant.parse("2026-12-07T09:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-12-31T00:00:00Z");
    private static final Instant WEDNESDAY_NIGHT = Instant.parse("2026-12-09T23:59:00Z");
    private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 8);

    private static final List<OpenWork> QUEUE = BreachSimulationTest.QUEUE;

    private final BreachSimulation simulation = new BreachSimulation(NINE_TO_FIVE, 1.0);

    /**
     * One worker off on Tuesday: 8 h on Monday (a done 13:00), none on Tuesday, so b (10 h) is done Wed 11:00, after its
     * Tuesday noon deadline; c (18 h) Thu 11:00, d (20 h) Thu 13:00, e Thu 14:00, f Thu 15:00.
     */
    @Test
    void aDayOff_takesThatDaysHoursAway() {
        Staff offOnTuesday = new Staff(Map.of(new Staff.Schedule(NINE_TO_FIVE, Set.of(TUESDAY)), 1.0));

        BreachSimulation.Result result = simulation.run(MONDAY_9, UNTIL, QUEUE, offOnTuesday, ArrivalLoad.NONE);

        assertThat(result.outcomes()).extracting(BreachSimulation.Outcome::expectedCompletion).containsExactly(
                Instant.parse("2026-12-07T13:00:00Z"), Instant.parse("2026-12-09T11:00:00Z"), Instant.parse("2026-12-10T11:00:00Z"),
                Instant.parse("2026-12-10T13:00:00Z"), Instant.parse("2026-12-10T14:00:00Z"), Instant.parse("2026-12-10T15:00:00Z"));
        assertThat(result.breachesBy(WEDNESDAY_NIGHT)).extracting(o -> o.work().id()).containsExactly("b", "c", "d", "f");
        assertThat(result.workers()).isEqualTo(1.0);
    }

    /**
     * A full-timer and a part-timer working mornings (09:00–13:00): 2 workers until 13:00, then 1, 12 h a day. a (4 h)
     * Mon 11:00; b (10 h) 8 h by 13:00 then 2 h alone, Mon 15:00; c (18 h) Mon gives 12, Tue 9:00 + 6 h at 2 = Tue 12:00;
     * d (20 h) Tue 13:00; e Tue 14:00; f Tue 15:00. Only f (overdue) misses, where the full-timer alone misses c and d.
     */
    @Test
    void aPartTimer_addsOnlyTheirOwnHours() {
        Staff mixed = Staff.of(1, NINE_TO_FIVE).plus(Staff.Schedule.of(MORNINGS), 1);

        BreachSimulation.Result result = simulation.run(MONDAY_9, UNTIL, QUEUE, mixed, ArrivalLoad.NONE);

        assertThat(result.outcomes()).extracting(BreachSimulation.Outcome::expectedCompletion).containsExactly(
                Instant.parse("2026-12-07T11:00:00Z"), Instant.parse("2026-12-07T15:00:00Z"), Instant.parse("2026-12-08T12:00:00Z"),
                Instant.parse("2026-12-08T13:00:00Z"), Instant.parse("2026-12-08T14:00:00Z"), Instant.parse("2026-12-08T15:00:00Z"));
        assertThat(result.breachesBy(WEDNESDAY_NIGHT)).extracting(o -> o.work().id()).containsExactly("f");
        assertThat(simulation.run(MONDAY_9, UNTIL, QUEUE, 1, ArrivalLoad.NONE).breachesBy(WEDNESDAY_NIGHT))
                .extracting(o -> o.work().id()).containsExactly("c", "d", "f");
    }

    @Test
    void staffOfOneCalendar_isTheUniformStaff_andScalingKeepsEachSchedulesShare() {
        Staff two = Staff.of(2, NINE_TO_FIVE);
        assertThat(simulation.run(MONDAY_9, UNTIL, QUEUE, two, ArrivalLoad.NONE).outcomes())
                .extracting(BreachSimulation.Outcome::expectedCompletion)
                .isEqualTo(simulation.run(MONDAY_9, UNTIL, QUEUE, 2, ArrivalLoad.NONE).outcomes().stream()
                        .map(BreachSimulation.Outcome::expectedCompletion).toList());

        Staff mixed = Staff.of(3, NINE_TO_FIVE).plus(Staff.Schedule.of(MORNINGS), 1);
        Staff fewer = mixed.scaledTo(2);
        assertThat(fewer.workers()).isEqualTo(2.0);
        assertThat(fewer.shares()).containsEntry(Staff.Schedule.of(NINE_TO_FIVE), 1.5).containsEntry(Staff.Schedule.of(MORNINGS), 0.5);
        assertThat(mixed.plus(Staff.Schedule.of(MORNINGS), -1).shares()).containsOnlyKeys(Staff.Schedule.of(NINE_TO_FIVE));
    }

    @Test
    void aWorkersTimeOff_givesTheirDaysOffInAWindow() {
        WorkerSchedule schedule = new WorkerSchedule(TENANT, "sam@north", "mornings", List.of(
                new WorkerSchedule.TimeOff(LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 2), "annual leave"),
                new WorkerSchedule.TimeOff(TUESDAY, TUESDAY, null)));

        assertThat(schedule.timeOff()).first().extracting(WorkerSchedule.TimeOff::from).isEqualTo(TUESDAY);
        assertThat(schedule.daysOff(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 26)))
                .containsExactlyInAnyOrder(TUESDAY, LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));
    }

    private static BusinessCalendar mornings() {
        Map<DayOfWeek, List<WorkingWindow>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.put(day, List.of(new WorkingWindow(LocalTime.of(9, 0), LocalTime.of(13, 0))));
        }
        return new BusinessCalendar(TENANT, "mornings", "UTC", hours, Set.of(), List.of());
    }
}
