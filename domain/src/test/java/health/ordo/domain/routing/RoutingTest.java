package health.ordo.domain.routing;

import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.HistoryEntry;
import health.ordo.domain.workitem.NotAllowedException;
import health.ordo.domain.workitem.SkillRequirement;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static health.ordo.domain.workitem.WorkItemContentBuilder.aClaimDenial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingTest {

    private static final TenantId TENANT = TenantId.of("demo");
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    private static WorkItem denial(String amount, Map<String, Object> attributes) {
        return WorkItem.create(TENANT, aClaimDenial().withAmount(amount).withAttributes(attributes).build(), Actor.SYSTEM, NOW);
    }

    @Test
    void firstMatchingRuleByPosition_decidesQueueSkillsAndSize() {
        List<RoutingRule> rules = List.of(
                new RoutingRule(TENANT, "catch-all-denials", 10, List.of(new RoutingCondition("type", "eq", "CLAIM_DENIAL")),
                        "denials", List.of(), 1),
                new RoutingRule(TENANT, "medicare-spanish", 1, List.of(new RoutingCondition("attributes.payer", "in", "Medicare,Medicaid"),
                        new RoutingCondition("attributes.language", "eq", "es")), "denials-government",
                        List.of(new SkillRequirement("spanish", 3, Duration.ofMinutes(30))), 2));

        RoutingDecision government = RoutingDecision.route(rules, denial("500.00", Map.of("payer", "medicare", "language", "ES")));
        RoutingDecision other = RoutingDecision.route(rules, denial("500.00", Map.of("payer", "Aetna")));
        RoutingDecision none = RoutingDecision.route(List.of(), denial("500.00", Map.of()));

        assertThat(government.queue()).isEqualTo("denials-government");
        assertThat(government.ruleId()).isEqualTo("medicare-spanish");
        assertThat(government.size()).isEqualTo(2);
        assertThat(government.describe()).contains("medicare-spanish", "spanish≥3");
        assertThat(other.queue()).isEqualTo("denials");
        assertThat(none.queue()).isEqualTo("denials");
        assertThat(none.ruleId()).isNull();
    }

    @Test
    void amountBands_compareNumerically() {
        RoutingCondition band = new RoutingCondition("amount", "gte", "25000");

        assertThat(band.matches(denial("25000.00", Map.of()))).isTrue();
        assertThat(band.matches(denial("9999.99", Map.of()))).isFalse();
        assertThatThrownBy(() -> new RoutingCondition("amount", "gte", "lots")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new RoutingCondition("payer", "eq", "x")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new RoutingCondition("type", "eq", "CLAIM_DENIALS")).as("a misspelt type would never match")
                .isInstanceOfSatisfying(InvalidValueException.class, e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("value"));
        assertThatThrownBy(() -> new RoutingCondition("type", "in", "CLAIM_DENIAL, UNDERPAYMNT")).isInstanceOf(InvalidValueException.class);
        new RoutingCondition("type", "in", "claim_denial, UNDERPAYMENT");
    }

    @Test
    void optionalSkill_stopsBlockingAfterItsRelaxTime() {
        Worker novice = new Worker(TENANT, "alice@demo", null, null, List.of("denials"), Map.of("spanish", 1), 10, true);
        SkillRequirement optional = new SkillRequirement("spanish", 3, Duration.ofMinutes(30));
        SkillRequirement hard = new SkillRequirement("coding", 2, null);

        assertThat(novice.meets(optional, Duration.ofMinutes(10))).isFalse();
        assertThat(novice.meets(optional, Duration.ofMinutes(30))).isTrue();
        assertThat(novice.meets(hard, Duration.ofDays(30))).isFalse();
    }

    @Test
    void fairShare_givesEachQueueItsWeightedShareOfFirstPlaces() {
        Random random = new Random(11);
        Map<String, Integer> firsts = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            firsts.merge(FairShare.order(Map.of("heavy", 3, "light", 1), random).get(0), 1, Integer::sum);
        }

        assertThat(firsts.get("light") / 20_000.0).isBetween(0.23, 0.27);
        assertThat(FairShare.order(Map.of("a", 1, "b", 5, "c", 2), random)).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void workerMayNotWorkSomeoneElsesItem_butASupervisorMay() {
        WorkItem item = denial("100.00", Map.of());
        item.claim(Actor.user("alice@demo"), NOW, false);

        assertThatThrownBy(() -> item.start(Actor.user("bob@demo"), NOW))
                .isInstanceOfSatisfying(NotAllowedException.class, e -> assertThat(e.rule()).isEqualTo("ASSIGNEE_OR_SUPERVISOR_ONLY"));
        item.release(Actor.supervisor("sam@demo"), NOW);
        assertThat(item.status()).isEqualTo(WorkItemStatus.READY);
    }

    @Test
    void supervisorAssignAndTransfer_areRecorded_andWorkersMayNotDoThem() {
        WorkItem item = denial("100.00", Map.of());
        item.pullChanges();

        assertThatThrownBy(() -> item.assignTo("bob@demo", Actor.user("alice@demo"), NOW)).isInstanceOf(NotAllowedException.class);
        item.assignTo("bob@demo", Actor.supervisor("sam@demo"), NOW);
        assertThat(item.status()).isEqualTo(WorkItemStatus.CLAIMED);
        assertThat(item.assignee()).isEqualTo("bob@demo");
        item.transferTo("appeals", Actor.supervisor("sam@demo"), NOW.plusSeconds(5));

        assertThat(item.status()).isEqualTo(WorkItemStatus.READY);
        assertThat(item.queue()).isEqualTo("appeals");
        assertThat(item.assignee()).isNull();
        assertThat(item.pullChanges().history()).extracting(HistoryEntry::action).containsExactly("assign", "transfer");
    }

    @Test
    void claimNotStartedInTime_returnsToReadyWithHistory() {
        WorkItem item = denial("100.00", Map.of());
        item.claim(Actor.user("alice@demo"), NOW, false);
        item.pullChanges();

        assertThat(item.releaseIfReservationExpired(Duration.ofMinutes(15), NOW.plus(Duration.ofMinutes(14)))).isFalse();
        assertThat(item.releaseIfReservationExpired(Duration.ofMinutes(15), NOW.plus(Duration.ofMinutes(15)))).isTrue();

        assertThat(item.status()).isEqualTo(WorkItemStatus.READY);
        assertThat(item.assignee()).isNull();
        assertThat(item.pullChanges().history()).singleElement().satisfies(h -> {
            assertThat(h.action()).isEqualTo("release");
            assertThat(h.note()).contains("reservation timed out");
        });
    }

    @Test
    void startedItem_isNeverReleasedByTheReservationTimeout() {
        WorkItem item = denial("100.00", Map.of());
        item.claim(Actor.user("alice@demo"), NOW, false);
        item.start(Actor.user("alice@demo"), NOW);

        assertThat(item.releaseIfReservationExpired(Duration.ofMinutes(15), NOW.plus(Duration.ofDays(1)))).isFalse();
        assertThat(item.status()).isEqualTo(WorkItemStatus.IN_PROGRESS);
    }
}
