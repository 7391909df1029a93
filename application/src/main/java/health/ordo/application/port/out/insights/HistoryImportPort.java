package health.ordo.application.port.out.insights;

import health.ordo.application.port.in.insights.ImportHistoryUseCase.HistoryImport;
import health.ordo.application.port.in.insights.ImportHistoryUseCase.Rejection;
import health.ordo.domain.shared.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored history-import jobs, their file and the rows they refused. */
public interface HistoryImportPort {

    void create(HistoryImport job, String body);

    Optional<HistoryImport> find(TenantId tenant, UUID id);

    List<Rejection> rejections(TenantId tenant, UUID id, int limit);

    /** The tenants with a job queued, or running with an expired lease, the one with the oldest first (unlocked). */
    List<TenantId> tenantsWithImportsDue(Instant now);

    /**
     * Claims the tenant's oldest job that is queued, or running with an expired lease (its node died), for
     * {@code leaseUntil} (SKIP LOCKED); with its file.
     */
    Optional<ClaimedImport> claimNext(TenantId tenant, Instant now, Instant leaseUntil);

    record ClaimedImport(HistoryImport job, String body) {
    }

    /** Records progress after a chunk and extends the lease; the rejections are the chunk's. */
    void progress(TenantId tenant, UUID id, int rowsRead, int accepted, int rejected, List<Rejection> rejections, Instant leaseUntil);

    /** A run that failed for a passing reason (a lost connection, a deadlock): the job is claimable again at {@code at}. */
    void retryAt(TenantId tenant, UUID id, Instant at);

    void finish(TenantId tenant, UUID id, String status, String failure, Instant at);
}
