package health.ordo.domain.insights;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.sla.BusinessCalendar;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The denials queue of {@link BreachSimulationTest} (one worker: c and d miss their deadlines) beside a queue with slack:
 * moving one qualified worker over saves both, costs the other queue nothing, and nothing more is recommended after.
 */
class AllocationAdvisorTest {

    private static final BusinessCalendar NINE_TO_FIVE = BusinessCalendar.standard(TenantId.of("north"), "UTC");
    private static final Instant MONDAY_9 = Instant.parse("2026-12-07T09:00:00Z");
    private static final Instant BY = Instant.parse("2026-12-09T23:59:00Z");
    private static final Instant UNTIL = Instant.parse("2026-12-31T00:00:00Z");

    private final AllocationAdvisor advisor = new AllocationAdvisor(new BreachSimulation(NINE_TO_FIVE, 1.0));

    @Test
    void movesAQualifiedWorkerOfTheSameSite_fromSlackToTheQueueThatBreaches() {
        AllocationAdvisor.QueueState denials = new AllocationAdvisor.QueueState("denials", "Main", Map.of("appeals", 3), List.of(
                work("a", 90, "2026-12-07T17:00:00Z", 4, 100), work("b", 80, "2026-12-08T12:00:00Z", 6, 200),
                work("c", 70, "2026-12-08T17:00:00Z", 8, 300), work("d", 60, "2026-12-09T10:00:00Z", 2, 400)), ArrivalLoad.NONE);
        AllocationAdvisor.QueueState holds = new AllocationAdvisor.QueueState("holds", "Main", Map.of(), List.of(
                work("h", 50, "2026-12-18T12:00:00Z", 1, 50)), ArrivalLoad.NONE);
        List<AllocationAdvisor.StaffMember> staff = List.of(
                member("w1", "Main", Map.of("appeals", 4), "denials"),
                member("w2", "Main", Map.of("appeals", 3), "holds"),
                member("w3", "North", Map.of("appeals", 5), "holds"),
                member("w4", "Main", Map.of("appeals", 1), "holds"));

        List<AllocationAdvisor.Move> moves = advisor.recommend(MONDAY_9, BY, UNTIL, List.of(denials, holds), staff, 5);

        assertThat(moves).hasSize(1);
        AllocationAdvisor.Move move = moves.get(0);
        assertThat(move.logins()).containsExactly("w2");
        assertThat(move.fromQueue()).isEqualTo("holds");
        assertThat(move.toQueue()).isEqualTo("denials");
        assertThat(move.breachesAvoided()).isEqualTo(2);
        assertThat(move.breachesAdded()).isZero();
        assertThat(move.netMoneySaved()).isEqualByComparingTo("700");
        assertThat(move.explanation()).isEqualTo(
                "move 1 worker with skill appeals from team rev (queue holds) to queue denials: 2 fewer breaches, 700.00 less at risk");
    }

    @Test
    void nothingIsRecommended_whenNoMoveHelps() {
        AllocationAdvisor.QueueState quiet = new AllocationAdvisor.QueueState("quiet", null, Map.of(), List.of(
                work("q", 50, "2026-12-18T12:00:00Z", 1, 50)), ArrivalLoad.NONE);
        assertThat(advisor.recommend(MONDAY_9, BY, UNTIL, List.of(quiet), List.of(member("w1", "Main", Map.of(), "quiet")), 5)).isEmpty();
    }

    private static AllocationAdvisor.StaffMember member(String login, String site, Map<String, Integer> skills, String queue) {
        return new AllocationAdvisor.StaffMember(login, "rev", site, skills, Map.of(queue, 1.0));
    }

    private static OpenWork work(String id, double score, String deadline, double hours, int amount) {
        return new OpenWork(id, "CLAIM_DENIAL", false, score, Instant.parse(deadline), hours, BigDecimal.valueOf(amount));
    }
}
