package health.ordo.domain.insights;

import health.ordo.domain.sla.BusinessCalendar;
import health.ordo.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A queue on a Monday-to-Friday 09:00–17:00 calendar, checked against a hand computation (see each test). Monday is
 * 2026-12-07.
 */
class BreachSimulationTest {

    private static final BusinessCalendar NINE_TO_FIVE = BusinessCalendar.standard(TenantId.of("north"), "UTC");
    private static final Instant MONDAY_9 = Instant.parse("2026-12-07T09:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-12-31T00:00:00Z");

    static final List<OpenWork> QUEUE = List.of(
            work("d", 60, "2026-12-09T10:00:00Z", 2, 400),
            work("a", 90, "2026-12-07T17:00:00Z", 4, 100),
            work("e", 50, null, 1, 0),
            work("c", 70, "2026-12-08T17:00:00Z", 8, 300),
            work("b", 80, "2026-12-08T12:00:00Z", 6, 200),
            work("f", 40, "2026-12-04T12:00:00Z", 1, 50));

    private final BreachSimulation simulation = new BreachSimulation(NINE_TO_FIVE, 1.0);

    /**
     * One worker, 8 hours a day: a (4 h) done Mon 13:00; b (10 h cumulated) Tue 11:00, before its 12:00 deadline;
     * c (18 h) Wed 11:00, after Tue 17:00; d (20 h) Wed 13:00, after Wed 10:00; e (21 h) Wed 14:00, no deadline;
     * f (22 h) Wed 15:00, but it was already overdue since last Friday.
     */
    @Test
    void oneWorker_missesTheDeadlinesOfCAndD_asComputedByHand() {
        BreachSimulation.Result result = simulation.run(MONDAY_9, UNTIL, QUEUE, 1, ArrivalLoad.NONE);

        assertThat(result.outcomes()).extracting(o -> o.work().id()).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(result.outcomes()).extracting(BreachSimulation.Outcome::expectedCompletion).containsExactly(
                Instant.parse("2026-12-07T13:00:00Z"), Instant.parse("2026-12-08T11:00:00Z"), Instant.parse("2026-12-09T11:00:00Z"),
                Instant.parse("2026-12-09T13:00:00Z"), Instant.parse("2026-12-09T14:00:00Z"), Instant.parse("2026-12-09T15:00:00Z"));
        Instant wednesdayNight = Instant.parse("2026-12-09T23:59:00Z");
        assertThat(result.breachesBy(wednesdayNight)).extracting(o -> o.work().id()).containsExactly("c", "d", "f");
        assertThat(result.avoidableBreachesBy(wednesdayNight)).extracting(o -> o.work().id()).containsExactly("c", "d");
        assertThat(BreachSimulation.Result.money(result.breachesBy(wednesdayNight))).isEqualByComparingTo("750");
        assertThat(result.breachesBy(Instant.parse("2026-12-08T23:00:00Z"))).extracting(o -> o.work().id()).containsExactly("c", "f");
    }

    /** Two workers, 16 hours a day: a Mon 11:00, b Mon 14:00, c Tue 10:00, d Tue 11:00; only f (overdue) is left. */
    @Test
    void addingAWorker_removesExactlyTheBreachesOfCAndD() {
        Instant by = Instant.parse("2026-12-09T23:59:00Z");
        BreachSimulation.Result before = simulation.run(MONDAY_9, UNTIL, QUEUE, 1, ArrivalLoad.NONE);
        BreachSimulation.Result after = simulation.run(MONDAY_9, UNTIL, QUEUE, 2, ArrivalLoad.NONE);

        assertThat(after.outcomes()).extracting(BreachSimulation.Outcome::expectedCompletion).startsWith(
                Instant.parse("2026-12-07T11:00:00Z"), Instant.parse("2026-12-07T14:00:00Z"), Instant.parse("2026-12-08T10:00:00Z"),
                Instant.parse("2026-12-08T11:00:00Z"));
        List<String> saved = before.breachesBy(by).stream().map(o -> o.work().id())
                .filter(id -> after.breachesBy(by).stream().noneMatch(o -> o.work().id().equals(id))).toList();
        assertThat(saved).containsExactly("c", "d");
        assertThat(after.breachesBy(by)).extracting(o -> o.work().id()).containsExactly("f");
    }

    /**
     * Eight hours of work arrive on Tuesday, all scoring above b: b needs its 10 h plus those 8 h, 18 h, done Wed 11:00
     * and late; a is done Monday before they arrive.
     */
    @Test
    void arrivalsThatOutrankAnItem_areWorkedBeforeIt() {
        ArrivalLoad tuesday = new ArrivalLoad(Map.of(LocalDate.of(2026, 12, 8), 8.0), new double[]{95});
        BreachSimulation.Result result = simulation.run(MONDAY_9, UNTIL, List.of(QUEUE.get(1), QUEUE.get(4)), 1, tuesday);

        assertThat(result.outcomes()).extracting(BreachSimulation.Outcome::expectedCompletion).containsExactly(
                Instant.parse("2026-12-07T13:00:00Z"), Instant.parse("2026-12-09T11:00:00Z"));
        assertThat(result.outcomes().get(1).breaches()).isTrue();
        assertThat(tuesday.shareAbove(96)).isZero();
        assertThat(new ArrivalLoad(Map.of(), new double[]{10, 20, 30, 40}).shareAbove(20)).isEqualTo(0.5);
    }

    @Test
    void withoutStaff_nothingIsDone_andEveryDeadlineBeforeTheEndIsMissed() {
        BreachSimulation.Result result = simulation.run(MONDAY_9, UNTIL, QUEUE, 0, ArrivalLoad.NONE);

        assertThat(result.outcomes()).allSatisfy(o -> assertThat(o.expectedCompletion()).isNull());
        assertThat(result.breachesBy(UNTIL)).hasSize(5);
    }

    /** The target 100 % by Wednesday night needs the two workers computed above; one worker meets 50 % (a, b of a–d). */
    @Test
    void staffing_findsTheSmallestStaffThatMeetsTheTarget() {
        StaffingPlanner planner = new StaffingPlanner(simulation);
        Instant by = Instant.parse("2026-12-09T23:59:00Z");

        assertThat(planner.plan(MONDAY_9, by, UNTIL, QUEUE, ArrivalLoad.NONE, 1.0).workers()).isEqualTo(2);
        assertThat(planner.plan(MONDAY_9, by, UNTIL, QUEUE, ArrivalLoad.NONE, 0.5).workers()).isEqualTo(1);
        assertThat(planner.plan(MONDAY_9, by, UNTIL, List.of(), ArrivalLoad.NONE, 0.95).workers()).isZero();
    }

    static OpenWork work(String id, double score, String deadline, double hours, int amount) {
        return new OpenWork(id, "CLAIM_DENIAL", false, score, deadline == null ? null : Instant.parse(deadline), hours,
                BigDecimal.valueOf(amount));
    }
}
