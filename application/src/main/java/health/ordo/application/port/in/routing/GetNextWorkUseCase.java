package health.ordo.application.port.in.routing;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.WorkItem;

import java.util.Optional;

/**
 * Claims, for the calling worker, the highest-priority READY item across their queues whose skill requirements they
 * meet and whose size fits their remaining capacity; queues are tried in fair-share order. Empty when nothing fits.
 *
 * @throws NotAWorkerException when the caller is not set up as a worker of the tenant
 */
public interface GetNextWorkUseCase {

    default Optional<WorkItem> next(TenantId tenant, Actor worker) {
        return next(tenant, worker, false);
    }

    /** @param start also start the claimed item (CLAIMED → IN_PROGRESS) in the same transaction: the worker opens it now */
    Optional<WorkItem> next(TenantId tenant, Actor worker, boolean start);
}
