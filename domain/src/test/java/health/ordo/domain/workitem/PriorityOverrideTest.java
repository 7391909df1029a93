package health.ordo.domain.workitem;

import health.ordo.domain.score.OverrideTarget;
import health.ordo.domain.score.PriorityOverride;
import health.ordo.domain.score.PriorityScore;
import health.ordo.domain.score.ScoreExplanation;
import health.ordo.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static health.ordo.domain.workitem.WorkItemContentBuilder.aClaimDenial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriorityOverrideTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final Actor SAM = Actor.user("sam@demo");
    private static final Actor LEE = Actor.user("lee@demo");
    private static final BigDecimal THRESHOLD = BigDecimal.valueOf(30);

    private static WorkItem scoredItem(String score) {
        WorkItem item = WorkItem.create(TenantId.of("demo"), aClaimDenial().build(), Actor.SYSTEM, NOW);
        item.applyScore(new ScoreExplanation(new PriorityScore(new BigDecimal(score)), List.of(), List.of(), "builtin", 0,
                NOW, false, List.of(), new BigDecimal("0.5"), "test", null), NOW);
        item.pullChanges();
        return item;
    }

    @Test
    void givenSmallOverride_itAppliesAtOnceAndExpiryRestoresTheComputedScore() {
        WorkItem item = scoredItem("40");

        PriorityOverride override = item.requestOverride(new OverrideTarget(OverrideTarget.Kind.SCORE,
                new PriorityScore(BigDecimal.valueOf(60))), "PAYER_ESCALATION", "call with payer rep", NOW.plus(Duration.ofHours(4)),
                THRESHOLD, SAM, NOW);

        assertThat(override.status()).isEqualTo(PriorityOverride.Status.ACTIVE);
        assertThat(item.priorityScore().value()).isEqualByComparingTo("60");
        assertThat(item.expireOverrideIfDue(NOW.plus(Duration.ofHours(1)))).isFalse();
        assertThat(item.expireOverrideIfDue(NOW.plus(Duration.ofHours(4)))).isTrue();
        assertThat(item.priorityScore().value()).isEqualByComparingTo("40");
        assertThat(item.pullChanges().history()).extracting(HistoryEntry::action)
                .containsExactly("override-applied", "override-expired");
    }

    @Test
    void givenLargeOverride_itWaitsForASecondSupervisorWhoIsNotTheRequester() {
        WorkItem item = scoredItem("20");

        PriorityOverride pending = item.requestOverride(new OverrideTarget(OverrideTarget.Kind.PIN_TOP, null), "CEO_REQUEST",
                null, NOW.plus(Duration.ofDays(1)), THRESHOLD, SAM, NOW);

        assertThat(pending.status()).isEqualTo(PriorityOverride.Status.PENDING_APPROVAL);
        assertThat(item.priorityScore().value()).as("not applied before approval").isEqualByComparingTo("20");
        assertThatThrownBy(() -> item.approveOverride(pending.id(), SAM, NOW))
                .isInstanceOfSatisfying(OverrideRefusedException.class, e -> assertThat(e.rule()).isEqualTo("FOUR_EYES"));

        item.approveOverride(pending.id(), LEE, NOW.plusSeconds(60));

        assertThat(item.priorityScore().value()).isEqualByComparingTo("100");
        assertThat(item.priorityOverride().approvedBy()).isEqualTo("lee@demo");
    }

    @Test
    void givenNewComputedScore_activeOverrideStillWinsUntilExpiry() {
        WorkItem item = scoredItem("40");
        item.requestOverride(new OverrideTarget(OverrideTarget.Kind.PIN_BOTTOM, null), "DUPLICATE_SUSPECTED", null,
                NOW.plus(Duration.ofHours(2)), BigDecimal.valueOf(100), SAM, NOW);

        item.applyScore(new ScoreExplanation(new PriorityScore(BigDecimal.valueOf(80)), List.of(), List.of(), "builtin", 0,
                NOW, false, List.of(), new BigDecimal("0.5"), "test", null), NOW.plusSeconds(10));

        assertThat(item.priorityScore().value()).isEqualByComparingTo("0");
        assertThat(item.scoreBasis().computedScore().value()).isEqualByComparingTo("80");
    }

    @Test
    void slaEscalation_boostsTheScoreCappedAt100_andReassignmentClaimsAReadyItem() {
        WorkItem item = scoredItem("85");

        item.escalate("SlaBreached", "DEADLINE_REACHED", BigDecimal.valueOf(20), "escalations", "sam@demo", true, false,
                NOW.plusSeconds(60));

        assertThat(item.priorityScore().value()).isEqualByComparingTo("100");
        assertThat(item.queue()).isEqualTo("escalations");
        assertThat(item.assignee()).isEqualTo("sam@demo");
        assertThat(item.status()).isEqualTo(WorkItemStatus.CLAIMED);
        WorkItem.Changes changes = item.pullChanges();
        assertThat(changes.history()).singleElement().satisfies(h -> {
            assertThat(h.fromStatus()).isEqualTo(WorkItemStatus.READY);
            assertThat(h.toStatus()).isEqualTo(WorkItemStatus.CLAIMED);
        });
        assertThat(changes.events()).extracting(WorkItemEvent::eventType).containsExactly("SlaBreached", "NotificationRequested");
    }

    @Test
    void givenFinishedItem_overrideIsRefused() {
        WorkItem item = scoredItem("40");
        item.cancel("duplicate", SAM, NOW);

        assertThatThrownBy(() -> item.requestOverride(new OverrideTarget(OverrideTarget.Kind.PIN_TOP, null), "X", null,
                NOW.plusSeconds(60), THRESHOLD, SAM, NOW)).isInstanceOf(OverrideRefusedException.class);
        assertThat(item.priorityScore()).isEqualTo(PriorityScore.ZERO);
    }
}
