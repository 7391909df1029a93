package health.ordo.application.service.phi;

import health.ordo.application.port.in.phi.PhiViewerQuery;
import health.ordo.application.port.out.routing.WorkforcePort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.routing.Worker;
import health.ordo.domain.shared.TenantId;

import java.util.List;
import java.util.Set;

/** A WORKER's PHI view: their own items and the unassigned items of the queues in their worker profile. */
public final class PhiAccessService implements PhiViewerQuery {

    private static final Set<String> SEE_ALL = Set.of("SUPERVISOR", "TENANT_ADMIN", "INTEGRATION");

    private final WorkforcePort workforce;
    private final TransactionPort transactions;

    public PhiAccessService(WorkforcePort workforce, TransactionPort transactions) {
        this.workforce = workforce;
        this.transactions = transactions;
    }

    @Override
    public Viewer viewer(TenantId tenant, String login, Set<String> roles) {
        if (roles.stream().anyMatch(SEE_ALL::contains)) {
            return Viewer.UNRESTRICTED;
        }
        List<String> queues = transactions.readOnly(tenant, () -> workforce.worker(tenant, login)).map(Worker::queues).orElse(List.of());
        return new Viewer(true, login, Set.copyOf(queues));
    }
}
