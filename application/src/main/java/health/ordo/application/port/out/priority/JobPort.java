package health.ordo.application.port.out.priority;

import health.ordo.application.port.in.priority.JobStatus;
import health.ordo.domain.shared.TenantId;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Background jobs stored in PostgreSQL, so any node can continue a job another node started. */
public interface JobPort {

    /** A job to re-score the tenant's open items scored before {@code cutoff}. */
    JobStatus createRescoreJob(TenantId tenant, String subject, Instant cutoff, long total, Instant now);

    Optional<JobStatus> load(TenantId tenant, UUID id);

    /** The tenants with unfinished jobs, the one with the oldest first (unlocked). */
    java.util.List<TenantId> tenantsWithUnfinished();

    /** Claims the tenant's oldest unfinished job for this transaction ({@code SKIP LOCKED}); empty when none is free. */
    Optional<ClaimedJob> claimNext(TenantId tenant);

    void update(TenantId tenant, UUID id, JobStatus.State state, long done, Instant startedAt, Instant finishedAt, Instant now, String message);

    /** A claimed job with what is needed to run it. */
    record ClaimedJob(JobStatus status, TenantId tenant, Instant cutoff) {
    }
}
