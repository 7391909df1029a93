package health.ordo.application.port.in.priority;

import health.ordo.domain.shared.TenantId;

import java.util.Optional;
import java.util.UUID;

/** Reads a background job of the tenant. */
public interface GetJobQuery {

    Optional<JobStatus> job(TenantId tenant, UUID id);
}
