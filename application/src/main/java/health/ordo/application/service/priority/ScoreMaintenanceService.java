package health.ordo.application.service.priority;

import health.ordo.application.service.TenantRounds;
import health.ordo.application.port.in.priority.JobStatus;
import health.ordo.application.port.in.priority.MaintainScoresUseCase;
import health.ordo.application.port.out.priority.JobPort;
import health.ordo.application.port.out.priority.RescoringPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.service.scoring.PriorityScoringService;
import health.ordo.application.service.workitem.WorkItemUpdater;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Re-scores stale items, expires overrides and runs re-scoring jobs, in batches claimed with SKIP LOCKED so that
 * several nodes share the work without doing any of it twice.
 */
public final class ScoreMaintenanceService implements MaintainScoresUseCase {

    static final int JOB_BATCH = 2000;

    private final RescoringPort rescoring;
    private final JobPort jobs;
    private final WorkItemUpdater updater;
    private final TransactionPort transactions;
    private final PriorityScoringService scoring;
    private final Clock clock;

    public ScoreMaintenanceService(RescoringPort rescoring, JobPort jobs, WorkItemUpdater updater,
                                   TransactionPort transactions, PriorityScoringService scoring, Clock clock) {
        this.rescoring = rescoring;
        this.jobs = jobs;
        this.updater = updater;
        this.transactions = transactions;
        this.scoring = scoring;
        this.clock = clock;
    }

    @Override
    public int rescoreStale(Duration maxAge, int limit) {
        Instant now = clock.instant();
        Instant before = now.minus(maxAge);
        return TenantRounds.tenantByTenant(transactions, () -> rescoring.tenantsScoredBefore(before), limit, (tenant, room) -> {
            List<WorkItem> batch = rescoring.claimScoredBefore(tenant, before, room);
            rescore(batch, now);
            return batch.size();
        });
    }

    private void rescore(List<WorkItem> batch, Instant now) {
        var explanations = scoring.explainAll(batch, now);
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).applyScore(explanations.get(i), now);
        }
        rescoring.saveScores(batch, now);
    }

    @Override
    public int expireOverrides(int limit) {
        Instant now = clock.instant();
        return TenantRounds.tenantByTenant(transactions, () -> rescoring.tenantsWithOverridesDue(now), limit, (tenant, room) -> {
            List<WorkItem> due = rescoring.claimOverridesDue(tenant, now, room);
            for (WorkItem item : due) {
                if (item.expireOverrideIfDue(now)) {
                    updater.store(item, now);
                }
            }
            return due.size();
        });
    }

    @Override
    public boolean advanceJobs(Duration timeSlice) {
        // tenant by tenant, the one with the oldest job first: the job's lock is taken in its tenant's rows only
        for (TenantId tenant : transactions.readAcrossTenants(jobs::tenantsWithUnfinished)) {
            if (transactions.inTransaction(tenant, () -> advance(tenant, timeSlice))) {
                return true;
            }
        }
        return false;
    }

    /** Advances the tenant's oldest job that no other node holds by one time slice; false when there is none. */
    private boolean advance(TenantId tenant, Duration timeSlice) {
        var claimed = jobs.claimNext(tenant);
        if (claimed.isEmpty()) {
            return false;
        }
        JobPort.ClaimedJob job = claimed.get();
        Instant started = clock.instant();
        // Another node may have activated the policy: never score a job's rows with a cached older policy.
        scoring.invalidate(job.tenant());
        Instant deadline = started.plus(timeSlice);
        List<WorkItem> batch;
        do {
            Instant now = clock.instant();
            batch = rescoring.claimScoredBefore(job.tenant(), job.cutoff(), JOB_BATCH);
            rescore(batch, now);
        } while (batch.size() == JOB_BATCH && clock.instant().isBefore(deadline));
        long remaining = rescoring.countScoredBefore(job.tenant(), job.cutoff());
        long done = Math.max(0, job.status().total() - remaining);
        Instant now = clock.instant();
        JobStatus status = job.status();
        jobs.update(job.tenant(), status.id(), remaining == 0 ? JobStatus.State.SUCCEEDED : JobStatus.State.RUNNING,
                remaining == 0 ? status.total() : done, status.startedAt() == null ? started : status.startedAt(),
                remaining == 0 ? now : null, now, remaining == 0 ? "re-scored " + status.total() + " items" : null);
        return true;
    }
}
