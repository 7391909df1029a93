package health.ordo.application.service.priority;

import health.ordo.application.port.in.priority.JobStatus;
import health.ordo.application.port.out.priority.JobPort;
import health.ordo.application.port.out.priority.RescoringPort;
import health.ordo.application.port.out.workitem.AppendEventsPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.application.support.DirectTransactions;
import health.ordo.application.support.TestScoring;
import health.ordo.application.service.workitem.WorkItemUpdater;
import health.ordo.domain.score.OverrideTarget;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.WorkItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static health.ordo.application.support.TestContent.anInvoiceHold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
class ScoreMaintenanceServiceTest {

    private static final TenantId TENANT = TenantId.of("demo");
    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Mock
    RescoringPort rescoring;
    @Mock
    JobPort jobs;
    @Mock
    SaveWorkItemPort savePort;
    @Mock
    AppendEventsPort eventsPort;

    private ScoreMaintenanceService service() {
        return new ScoreMaintenanceService(rescoring, jobs, new WorkItemUpdater(null, savePort, eventsPort,
                new DirectTransactions(), TestScoring.builtin(CLOCK), null, CLOCK), new DirectTransactions(), TestScoring.builtin(CLOCK), CLOCK);
    }

    @Test
    void givenStaleItems_rescoreStale_scoresThemAndSavesTheBatch() {
        WorkItem stale = WorkItem.create(TENANT, anInvoiceHold("H-1"), Actor.SYSTEM, NOW.minus(Duration.ofDays(3)));
        when(rescoring.tenantsScoredBefore(NOW.minus(Duration.ofMinutes(4)))).thenReturn(List.of(TENANT));
        when(rescoring.claimScoredBefore(TENANT, NOW.minus(Duration.ofMinutes(4)), 100)).thenReturn(List.of(stale));

        int count = service().rescoreStale(Duration.ofMinutes(4), 100);

        assertThat(count).isEqualTo(1);
        assertThat(stale.scoreBasis()).isNotNull();
        assertThat(stale.scoreBasis().computedAt()).isEqualTo(NOW);
        verify(rescoring).saveScores(List.of(stale), NOW);
    }

    @Test
    void givenExpiredOverride_expireOverrides_restoresTheComputedScoreWithHistory() {
        WorkItem item = WorkItem.create(TENANT, anInvoiceHold("H-2"), Actor.SYSTEM, NOW.minus(Duration.ofDays(1)));
        item.applyScore(TestScoring.builtin(CLOCK).explain(item, NOW.minus(Duration.ofDays(1))), NOW.minus(Duration.ofDays(1)));
        item.requestOverride(new OverrideTarget(OverrideTarget.Kind.PIN_BOTTOM, null), "DATA_ERROR", null,
                NOW.minus(Duration.ofMinutes(1)), BigDecimal.valueOf(100), Actor.user("sam@demo"), NOW.minus(Duration.ofHours(5)));
        item.pullChanges();
        when(rescoring.tenantsWithOverridesDue(NOW)).thenReturn(List.of(TENANT));
        when(rescoring.claimOverridesDue(TENANT, NOW, 50)).thenReturn(List.of(item));

        service().expireOverrides(50);

        assertThat(item.priorityScore().value()).isPositive();
        verify(savePort).update(eq(item), any());
        verify(eventsPort).append(any());
    }

    @Test
    void givenRunningJob_advanceJobs_rescoresAndReportsProgressUntilDone() {
        UUID id = UUID.randomUUID();
        JobStatus status = new JobStatus(id, "RESCORE", "activate x v2", JobStatus.State.QUEUED, 3, 0, 0, NOW, null, null, null, null);
        when(jobs.tenantsWithUnfinished()).thenReturn(List.of(TENANT));
        when(jobs.claimNext(TENANT)).thenReturn(Optional.of(new JobPort.ClaimedJob(status, TENANT, NOW)));
        WorkItem item = WorkItem.create(TENANT, anInvoiceHold("H-3"), Actor.SYSTEM, NOW);
        when(rescoring.claimScoredBefore(eq(TENANT), eq(NOW), anyInt())).thenReturn(List.of(item));
        when(rescoring.countScoredBefore(TENANT, NOW)).thenReturn(0L);

        boolean worked = service().advanceJobs(Duration.ofSeconds(2));

        assertThat(worked).isTrue();
        verify(jobs).update(eq(TENANT), eq(id), eq(JobStatus.State.SUCCEEDED), eq(3L), eq(NOW), eq(NOW), eq(NOW), any());
    }

    @Test
    void givenNoJob_advanceJobs_saysSo() {
        when(jobs.tenantsWithUnfinished()).thenReturn(List.of(TENANT));
        when(jobs.claimNext(TENANT)).thenReturn(Optional.empty());

        assertThat(service().advanceJobs(Duration.ofSeconds(1))).isFalse();
    }

    @Test
    void givenTheOldestJobHeldByAnotherNode_advanceJobs_takesTheNextTenantsJob() {
        TenantId other = TenantId.of("other");
        UUID id = UUID.randomUUID();
        JobStatus status = new JobStatus(id, "RESCORE", "activate y v3", JobStatus.State.RUNNING, 1, 0, 0, NOW, NOW, null, null, null);
        when(jobs.tenantsWithUnfinished()).thenReturn(List.of(TENANT, other));
        when(jobs.claimNext(TENANT)).thenReturn(Optional.empty()); // SKIP LOCKED: another node runs it
        when(jobs.claimNext(other)).thenReturn(Optional.of(new JobPort.ClaimedJob(status, other, NOW)));
        when(rescoring.countScoredBefore(other, NOW)).thenReturn(0L);

        assertThat(service().advanceJobs(Duration.ofSeconds(1))).isTrue();
        verify(jobs).update(eq(other), eq(id), eq(JobStatus.State.SUCCEEDED), eq(1L), eq(NOW), eq(NOW), eq(NOW), any());
    }
}
