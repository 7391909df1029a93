package health.ordo.application.service.scoring;

import health.ordo.application.port.out.priority.PriorityPolicyPort;
import health.ordo.application.port.out.priority.RecoveryLikelihoodPort;
import health.ordo.application.support.TestScoring;
import health.ordo.domain.priority.FactorWeight;
import health.ordo.domain.priority.LikelihoodEstimate;
import health.ordo.domain.priority.PolicyDefinition;
import health.ordo.domain.priority.PolicyStatus;
import health.ordo.domain.priority.PriorityFactor;
import health.ordo.domain.priority.PriorityPolicy;
import health.ordo.domain.score.ScoreExplanation;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Answers;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static health.ordo.application.support.TestContent.anInvoiceHold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
class PriorityScoringServiceTest {

    private static final TenantId TENANT = TenantId.of("demo");
    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    // real default methods: estimateAll delegates to the stubbed estimate, as in a real model
    @Mock(answer = Answers.CALLS_REAL_METHODS)
    RecoveryLikelihoodPort model;
    @Mock
    PriorityPolicyPort policies;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private final WorkItem item = WorkItem.create(TENANT, anInvoiceHold("H-1"), Actor.SYSTEM, NOW);

    @Test
    void givenFailingModel_scoringStillWorksAndTheExplanationSaysDegraded() {
        when(model.estimate(any())).thenThrow(new IllegalStateException("model store unreachable"));
        PriorityScoringService scoring = TestScoring.with(new TestScoring.NoPolicies(), model, CLOCK, Duration.ofMillis(500), executor);

        ScoreExplanation explanation = scoring.explain(item, NOW);
        List<ScoreExplanation> batch = scoring.explainAll(List.of(item, WorkItem.create(TENANT, anInvoiceHold("H-2"), Actor.SYSTEM, NOW)), NOW);

        assertThat(batch).hasSize(2).allSatisfy(e -> assertThat(e.degraded()).isTrue());
        assertThat(explanation.degraded()).isTrue();
        assertThat(explanation.degradedReasons()).singleElement().asString().contains("failed", "prior: hold PRICE");
        assertThat(explanation.computedScore().value()).isPositive();
    }

    @Test
    void givenSlowModel_scoringFallsBackAfterTheTimeout() {
        when(model.estimate(any())).thenAnswer(invocation -> {
            Thread.sleep(2_000);
            return LikelihoodEstimate.of(0.99, "too late");
        });
        PriorityScoringService scoring = TestScoring.with(new TestScoring.NoPolicies(), model, CLOCK, Duration.ofMillis(50), executor);

        LikelihoodEstimate estimate = scoring.likelihood(item);

        assertThat(estimate.degraded()).isTrue();
        assertThat(estimate.degradedReason()).contains("slower than 50 ms");
        assertThat(estimate.value()).isEqualTo(0.85);
    }

    @Test
    void givenRepeatedFailures_theCircuitOpensAndTheModelIsNoLongerAsked() {
        when(model.estimate(any())).thenThrow(new IllegalStateException("down"));
        PriorityScoringService scoring = TestScoring.with(new TestScoring.NoPolicies(), model, CLOCK, Duration.ofMillis(500), executor);

        for (int i = 0; i < 8; i++) {
            assertThat(scoring.likelihood(item).degraded()).isTrue();
        }

        verify(model, times(5)).estimate(any());
        assertThat(scoring.likelihood(item).degradedReason()).contains("circuit open");
    }

    @Test
    void givenHealthyModel_itsEstimateIsUsedUndegraded() {
        when(model.estimate(any())).thenReturn(LikelihoodEstimate.of(0.42, "learned: Medline / hold PRICE (n=12)"));
        PriorityScoringService scoring = TestScoring.with(new TestScoring.NoPolicies(), model, CLOCK, Duration.ofMillis(500), executor);

        ScoreExplanation explanation = scoring.explain(item, NOW);

        assertThat(explanation.degraded()).isFalse();
        assertThat(explanation.factors()).filteredOn(f -> f.factor().equals("RECOVERY_LIKELIHOOD"))
                .singleElement().satisfies(f -> assertThat(f.rawInput()).isEqualTo("0.42"));
    }

    @Test
    void givenStoredBasis_reexplain_reproducesTheOriginalExplanationExactly() {
        when(model.estimate(any())).thenThrow(new IllegalStateException("down"));
        PriorityScoringService scoring = TestScoring.with(new TestScoring.NoPolicies(), model, CLOCK, Duration.ofMillis(500), executor);
        ScoreExplanation original = scoring.explain(item, NOW);
        item.applyScore(original, NOW);

        ScoreExplanation recomputed = TestScoring.builtin(Clock.fixed(NOW.plusSeconds(86_400), ZoneOffset.UTC)).reexplain(item);

        assertThat(recomputed).isEqualTo(original);
        assertThat(recomputed.degraded()).isTrue();
    }

    @Test
    void givenFreshUndegradedBasis_lifecycleRescoring_reusesTheLikelihoodWithoutAskingTheModel() {
        when(model.estimate(any())).thenReturn(LikelihoodEstimate.of(0.42, "learned: Medline / hold PRICE (n=12)"));
        PriorityScoringService scoring = TestScoring.with(new TestScoring.NoPolicies(), model, CLOCK, Duration.ofMillis(500), executor);
        item.applyScore(scoring.explain(item, NOW), NOW);

        ScoreExplanation soon = scoring.explain(item, NOW.plusSeconds(60));
        ScoreExplanation later = scoring.explain(item, NOW.plus(PriorityScoringService.LIKELIHOOD_REUSE).plusSeconds(1));

        verify(model, times(2)).estimate(any());
        assertThat(soon.likelihood()).isEqualByComparingTo("0.42");
        assertThat(soon.likelihoodBasis()).isEqualTo("learned: Medline / hold PRICE (n=12)");
        assertThat(later.degraded()).isFalse();
    }

    private static PriorityPolicy active(String id, WorkItemType appliesTo) {
        return new PriorityPolicy(id, TENANT, appliesTo, 1, PolicyStatus.ACTIVE, "", new PolicyDefinition(
                List.of(FactorWeight.of(PriorityFactor.AGING, "1")), List.of()), NOW, "ada", NOW);
    }

    @Test
    void policyResolution_prefersTheTypesPolicyThenTheGeneralOneThenBuiltin() {
        PriorityScoringService scoring = TestScoring.with(policies, model, CLOCK, Duration.ofMillis(500), Runnable::run);
        when(policies.loadActive(TENANT)).thenReturn(List.of(active("general", null), active("holds", WorkItemType.INVOICE_HOLD)));

        assertThat(scoring.policyFor(TENANT, WorkItemType.INVOICE_HOLD).policyId()).isEqualTo("holds");
        assertThat(scoring.policyFor(TENANT, WorkItemType.CLAIM_DENIAL).policyId()).isEqualTo("general");
        verify(policies, times(1)).loadActive(TENANT);

        scoring.invalidate(TENANT);
        when(policies.loadActive(TENANT)).thenReturn(List.of());
        assertThat(scoring.policyFor(TENANT, WorkItemType.CLAIM_DENIAL).policyId()).isEqualTo(PriorityPolicy.BUILTIN_ID);
        verify(model, never()).estimate(any());
    }
}
