package health.ordo.domain.priority;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.PriorityScore;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContentBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static health.ordo.domain.workitem.WorkItemContentBuilder.aClaimDenial;
import static org.assertj.core.api.Assertions.assertThat;

class BaselinePriorityPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private final BaselinePriorityPolicy policy = new BaselinePriorityPolicy();

    private PriorityScore scoreOf(WorkItemContentBuilder content) {
        return policy.score(WorkItem.create(TenantId.of("demo"), content.build(), Actor.SYSTEM, NOW), NOW);
    }

    @Test
    void givenPassedDeadline_score_isHigherThanSameItemDueInAMonth() {
        PriorityScore overdue = scoreOf(aClaimDenial().withDueAt(NOW.minus(Duration.ofHours(1))));
        PriorityScore nextMonth = scoreOf(aClaimDenial().withDueAt(NOW.plus(Duration.ofDays(30))));

        assertThat(overdue).isGreaterThan(nextMonth);
    }

    @Test
    void givenHugeAmount_moneyFactor_isCappedSoItCannotBuryAnUrgentItem() {
        PriorityScore huge = scoreOf(aClaimDenial().withAmount("2000000.00").withDueAt(null));
        PriorityScore urgentSmall = scoreOf(aClaimDenial().withAmount("900.00").withDueAt(NOW.plus(Duration.ofHours(4))));

        assertThat(BaselinePriorityPolicy.money(aClaimDenial().withAmount("2000000.00").build())).isEqualTo(1.0);
        assertThat(urgentSmall).isGreaterThan(huge);
    }

    @Test
    void givenMoreMoney_score_isHigherAllElseEqual() {
        assertThat(scoreOf(aClaimDenial().withAmount("25000.00")))
                .isGreaterThan(scoreOf(aClaimDenial().withAmount("250.00")));
    }

    @Test
    void givenHardDeadlineEarlierThanDueDate_theHardDeadlineBinds() {
        PriorityScore withHard = scoreOf(aClaimDenial().withDueAt(NOW.plus(Duration.ofDays(20)))
                .withHardDeadlineAt(NOW.plus(Duration.ofDays(1))));
        PriorityScore withoutHard = scoreOf(aClaimDenial().withDueAt(NOW.plus(Duration.ofDays(20))));

        assertThat(withHard).isGreaterThan(withoutHard);
    }

    @Test
    void givenOlderItem_agingRaisesTheScore() {
        WorkItem item = WorkItem.create(TenantId.of("demo"), aClaimDenial().withDueAt(null).build(), Actor.SYSTEM, NOW);

        assertThat(policy.score(item, NOW.plus(Duration.ofDays(15)))).isGreaterThan(policy.score(item, NOW));
    }

    @Test
    void givenCompletedItem_score_isZero() {
        WorkItem item = WorkItem.create(TenantId.of("demo"), aClaimDenial().build(), Actor.SYSTEM, NOW);
        item.cancel("duplicate", Actor.SYSTEM, NOW);

        assertThat(policy.score(item, NOW)).isEqualTo(PriorityScore.ZERO);
    }

    @Test
    void score_staysWithin0And100() {
        PriorityScore max = scoreOf(aClaimDenial().withAmount("9999999999.00").withDueAt(NOW.minus(Duration.ofDays(400))));

        assertThat(max.value()).isBetween(java.math.BigDecimal.ZERO, java.math.BigDecimal.valueOf(100));
    }
}
