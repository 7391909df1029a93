package health.ordo.adapter.persistence.priority;

import health.ordo.application.port.in.priority.JobStatus;
import health.ordo.application.port.in.priority.PrioritySettings;
import health.ordo.application.port.out.priority.JobPort;
import health.ordo.application.port.out.priority.PriorityPolicyPort;
import health.ordo.application.port.out.priority.PrioritySettingsPort;
import health.ordo.application.port.out.priority.RecoveryLikelihoodPort;
import health.ordo.application.port.out.priority.RescoringPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.user.SaveTenantPort;
import health.ordo.application.port.out.workitem.LoadWorkItemPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.domain.priority.DecisionRule;
import health.ordo.domain.priority.FactorWeight;
import health.ordo.domain.priority.LikelihoodEstimate;
import health.ordo.domain.priority.PolicyDefinition;
import health.ordo.domain.priority.PolicyStatus;
import health.ordo.domain.priority.PriorityFactor;
import health.ordo.domain.priority.PriorityPolicy;
import health.ordo.domain.priority.RuleCondition;
import health.ordo.domain.score.OverrideTarget;
import health.ordo.domain.score.PriorityScore;
import health.ordo.domain.score.ScoreExplanation;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Policies, settings, jobs, re-scoring claims and the learned likelihood model against a real PostgreSQL. */
@MicronautTest(transactional = false)
class PrioritizationPersistenceTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Inject
    PriorityPolicyPort policies;
    @Inject
    PrioritySettingsPort settings;
    @Inject
    JobPort jobs;
    @Inject
    RescoringPort rescoring;
    @Inject
    SaveWorkItemPort savePort;
    @Inject
    SaveTenantPort tenants;
    @Inject
    RecoveryLikelihoodPort likelihood;
    @Inject
    TransactionPort tx;
    @Inject
    LoadWorkItemPort loadPort;

    private TenantId tenant;

    @BeforeEach
    void newTenant() {
        tenant = TenantId.of("p-" + UUID.randomUUID().toString().substring(0, 8));
        tx.inTransaction(tenant, () -> tenants.createTenantIfAbsent(tenant, "Prioritization test"));
    }

    private PriorityPolicy version(String id, WorkItemType type, int version) {
        PolicyDefinition definition = new PolicyDefinition(
                List.of(new FactorWeight(PriorityFactor.FINANCIAL_IMPACT, new BigDecimal("40"), Map.of("cap", new BigDecimal("250000"))),
                        FactorWeight.of(PriorityFactor.DEADLINE_PROXIMITY, "60")),
                List.of(new DecisionRule("urgent", List.of(new RuleCondition("deadlineBusinessDays", "lte", "2")),
                        DecisionRule.Effect.FLOOR, new BigDecimal("90"))));
        return new PriorityPolicy(id, tenant, type, version, PolicyStatus.DRAFT, "v" + version, definition, NOW, "ada@demo", null);
    }

    @Test
    void givenVersions_activation_keepsOneActiveAndRoundTripsTheDefinition() {
        tx.inTransaction(tenant, () -> {
            policies.insert(version("denials", WorkItemType.CLAIM_DENIAL, 1));
            policies.insert(version("denials", WorkItemType.CLAIM_DENIAL, 2));
            policies.activate(tenant, "denials", 1, NOW);
            policies.activate(tenant, "denials", 2, NOW.plusSeconds(1));
            return null;
        });

        List<PriorityPolicy> active = tx.readOnly(tenant, () -> policies.loadActive(tenant));
        assertThat(active).singleElement().satisfies(p -> {
            assertThat(p.version()).isEqualTo(2);
            assertThat(p.definition()).isEqualTo(version("denials", WorkItemType.CLAIM_DENIAL, 2).definition());
            assertThat(p.appliesTo()).isEqualTo(WorkItemType.CLAIM_DENIAL);
        });
        assertThat(tx.readOnly(tenant, () -> policies.load(tenant, "denials", 1))).hasValueSatisfying(
                p -> assertThat(p.status()).isEqualTo(PolicyStatus.RETIRED));
        assertThat(tx.readOnly(tenant, () -> policies.latestVersion(tenant, "denials"))).isEqualTo(2);
    }

    @Test
    void givenAnotherPolicyForTheSameType_activation_retiresTheFirst() {
        tx.inTransaction(tenant, () -> {
            policies.insert(version("a", WorkItemType.INVOICE_HOLD, 1));
            policies.insert(version("b", WorkItemType.INVOICE_HOLD, 1));
            policies.activate(tenant, "a", 1, NOW);
            policies.activate(tenant, "b", 1, NOW);
            return null;
        });

        assertThat(tx.readOnly(tenant, () -> policies.loadActive(tenant))).extracting(PriorityPolicy::policyId).containsExactly("b");
    }

    @Test
    void settings_roundTripAndUpsert() {
        PrioritySettings first = new PrioritySettings(List.of("PAYER_ESCALATION"), BigDecimal.TEN);
        PrioritySettings second = new PrioritySettings(List.of("A", "B"), new BigDecimal("25.50"));

        tx.inTransaction(tenant, () -> {
            settings.save(tenant, first);
            settings.save(tenant, second);
            return null;
        });

        assertThat(tx.readOnly(tenant, () -> settings.load(tenant))).contains(second);
    }

    private WorkItem storeItem(String externalId, Map<String, Object> attributes, Instant createdAt) {
        WorkItem item = WorkItem.create(tenant, new WorkItemContent(WorkItemType.CLAIM_DENIAL,
                new SourceReference("payer-835", externalId), "Denied claim", Money.of("500.00", "USD"), null, null,
                Attributes.of(attributes), null), Actor.SYSTEM, createdAt);
        tx.inTransaction(tenant, () -> savePort.insertIfSourceAbsent(item, item.pullChanges()));
        return item;
    }

    @Test
    void givenItemsInTwoQueues_loadOpenInQueue_readsOnlyThatQueuesOpenItemsOfTheType() {
        WorkItem first = storeItem("Q-1", Map.of("payer", "Aetna"), NOW);
        WorkItem second = storeItem("Q-2", Map.of("payer", "Aetna"), NOW);
        WorkItem elsewhere = WorkItem.create(tenant, new WorkItemContent(WorkItemType.CLAIM_DENIAL,
                new SourceReference("payer-835", "Q-3"), "Denied claim", Money.of("500.00", "USD"), null, null,
                Attributes.of(Map.of()), "denials-aetna"), Actor.SYSTEM, NOW);
        tx.inTransaction(tenant, () -> savePort.insertIfSourceAbsent(elsewhere, elsewhere.pullChanges()));
        WorkItem otherType = WorkItem.create(tenant, new WorkItemContent(WorkItemType.UNDERPAYMENT,
                new SourceReference("payer-835", "Q-4"), "Underpaid claim", Money.of("80.00", "USD"), null, null,
                Attributes.of(Map.of()), first.queue()), Actor.SYSTEM, NOW);
        tx.inTransaction(tenant, () -> savePort.insertIfSourceAbsent(otherType, otherType.pullChanges()));

        assertThat(tx.readOnly(tenant, () -> rescoring.loadOpenInQueue(tenant, first.queue(), WorkItemType.CLAIM_DENIAL, 10)))
                .extracting(WorkItem::id).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(tx.readOnly(tenant, () -> rescoring.loadOpenInQueue(tenant, first.queue(), null, 10)))
                .extracting(WorkItem::id).containsExactlyInAnyOrder(first.id(), second.id(), otherType.id());
        assertThat(tx.readOnly(tenant, () -> rescoring.loadOpenInQueue(tenant, "denials-aetna", WorkItemType.CLAIM_DENIAL, 10)))
                .extracting(WorkItem::id).containsExactly(elsewhere.id());
        assertThat(tx.readOnly(tenant, () -> rescoring.loadOpenInQueue(tenant, first.queue(), null, 1))).hasSize(1);
    }

    @Test
    void givenTwoNodesClaimingStaleItems_theyNeverGetTheSameRow() throws Exception {
        for (int i = 0; i < 6; i++) {
            storeItem("S-" + i, Map.of("payer", "Aetna"), NOW.minusSeconds(3600));
        }
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        CompletableFuture<Set<String>> first = CompletableFuture.supplyAsync(() -> tx.inTransaction(tenant, () -> {
            Set<String> ids = rescoring.claimScoredBefore(tenant, NOW, 3).stream().map(w -> w.id().toString()).collect(Collectors.toSet());
            firstHolds.countDown();
            await(secondDone);
            return ids;
        }));
        await(firstHolds);
        Set<String> second = tx.inTransaction(tenant, () -> rescoring.claimScoredBefore(tenant, NOW, 10).stream()
                .map(w -> w.id().toString()).collect(Collectors.toSet()));
        secondDone.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).hasSize(3).doesNotContainAnyElementsOf(second);
        assertThat(second).hasSize(3);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void givenRescoredBatch_saveScores_writesScoresExplanationsAndOverrideDueInOneStatement() {
        WorkItem first = storeItem("R-1", Map.of("payer", "Aetna"), NOW.minusSeconds(600));
        WorkItem second = storeItem("R-2", Map.of("payer", "Aetna"), NOW.minusSeconds(600));
        Instant scoredAt = NOW.plusSeconds(1);

        tx.inTransaction(tenant, () -> {
            List<WorkItem> claimed = rescoring.claimScoredBefore(tenant, scoredAt, 10);
            for (WorkItem item : claimed) {
                item.applyScore(new ScoreExplanation(new PriorityScore(new BigDecimal(item.equals(claimed.get(0)) ? "61.25" : "12.00")),
                        List.of(), List.of(), "denials", 2, scoredAt, false, List.of(), new BigDecimal("0.5"), "test", null), scoredAt);
            }
            claimed.get(0).requestOverride(new OverrideTarget(OverrideTarget.Kind.PIN_TOP, null), "DATA_ERROR", null,
                    scoredAt.plusSeconds(3600), BigDecimal.valueOf(100), Actor.user("sam@demo"), scoredAt);
            rescoring.saveScores(claimed, scoredAt);
            return null;
        });

        assertThat(tx.readOnly(tenant, () -> rescoring.countScoredBefore(tenant, scoredAt))).isZero();
        List<WorkItem> reloaded = List.of(first, second).stream()
                .map(w -> tx.readOnly(tenant, () -> loadPort.load(tenant, w.id())).orElseThrow()).toList();
        assertThat(reloaded).extracting(w -> w.scoreBasis().policyId()).containsOnly("denials");
        assertThat(reloaded).extracting(w -> w.priorityScore().value().toPlainString()).containsExactlyInAnyOrder("100.00", "12.00");
        assertThat(tx.readAcrossTenants(() -> rescoring.tenantsWithOverridesDue(scoredAt.plusSeconds(3601)))).contains(tenant);
        assertThat(tx.inTransaction(tenant, () -> rescoring.claimOverridesDue(tenant, scoredAt.plusSeconds(3601), 10))).hasSize(1);
    }

    @Test
    void givenJob_claimUpdateAndLoad_reportProgress() {
        JobStatus created = tx.inTransaction(tenant, () -> jobs.createRescoreJob(tenant, "activate x v1", NOW, 200, NOW));

        tx.inTransaction(tenant, () -> {
            assertThat(jobs.tenantsWithUnfinished()).contains(tenant);
            JobPort.ClaimedJob claimed = jobs.claimNext(tenant).orElseThrow();
            assertThat(jobs.claimNext(TenantId.of("someone-else"))).isEmpty();
            jobs.update(tenant, claimed.status().id(), JobStatus.State.RUNNING, 50, NOW, null, NOW.plusSeconds(10), null);
            return null;
        });
        // the update names the tenant too (its row's distribution key): even the cross-tenant scope of a platform job
        // cannot update another tenant's job by its id
        tx.acrossTenants(() -> {
            jobs.update(TenantId.of("someone-else"), created.id(), JobStatus.State.FAILED, 0, NOW, NOW, NOW, "wrong tenant");
            return null;
        });

        JobStatus running = tx.readOnly(tenant, () -> jobs.load(tenant, created.id())).orElseThrow();
        assertThat(running.state()).isEqualTo(JobStatus.State.RUNNING);
        assertThat(running.percent()).isEqualTo(25.0);
        assertThat(running.eta()).isEqualTo(NOW.plusSeconds(40));
        assertThat(tx.readOnly(tenant, () -> jobs.load(TenantId.of("someone-else"), created.id()))).isEmpty();
    }

    @Test
    void givenClosedHistory_learnedLikelihood_shrinksGroupRatesTowardTheTenantRate() {
        for (int i = 0; i < 8; i++) {
            WorkItem item = storeItem("H-" + i, Map.of("payer", "Cigna", "carc", "50"), NOW.minusSeconds(7200));
            item.claim(Actor.SYSTEM, NOW, false);
            item.start(Actor.SYSTEM, NOW);
            item.complete(i < 6 ? "OVERTURNED" : "WRITTEN_OFF", Actor.SYSTEM, NOW);
            tx.inTransaction(tenant, () -> {
                savePort.update(item, item.pullChanges());
                return null;
            });
        }
        WorkItem open = storeItem("OPEN-1", Map.of("payer", "Cigna", "carc", "50"), NOW);
        WorkItem otherPayer = storeItem("OPEN-2", Map.of("payer", "Humana", "carc", "50"), NOW);

        LikelihoodEstimate cigna = likelihood.estimate(open);
        LikelihoodEstimate humana = likelihood.estimate(otherPayer);

        assertThat(cigna.basis()).contains("Cigna", "CARC 50", "8 closed, 6 recovered");
        assertThat(cigna.value()).isGreaterThan(humana.value()).isLessThan(0.75);
        assertThat(humana.basis()).contains("0 closed");
        assertThat(cigna.degraded()).isFalse();
    }

    @Test
    void givenNoHistory_learnedLikelihood_usesThePrior() {
        WorkItem item = storeItem("FRESH-1", Map.of("payer", "Aetna", "carc", "29"), NOW);

        assertThat(likelihood.estimate(item).value()).isEqualTo(0.10);
        assertThat(likelihood.estimate(item).basis()).contains("prior: CARC 29");
    }

    @Test
    void givenUnknownPolicy_loadIsEmpty() {
        assertThat(tx.readOnly(tenant, () -> policies.load(tenant, "nope", 1))).isEmpty();
        assertThatThrownBy(() -> tx.inTransaction(tenant, () -> {
            policies.insert(version("dup", null, 1));
            policies.insert(version("dup", null, 1));
            return null;
        })).isInstanceOf(RuntimeException.class);
    }
}
