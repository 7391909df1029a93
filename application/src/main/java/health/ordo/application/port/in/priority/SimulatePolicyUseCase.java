package health.ordo.application.port.in.priority;

import health.ordo.domain.priority.PolicyDefinition;
import health.ordo.domain.priority.PolicySimulation;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItemType;

/** Reports what a draft policy would change on the live open backlog, without changing anything. */
public interface SimulatePolicyUseCase {

    /** Largest backlog simulated in one call. */
    int MAX_ITEMS = 200_000;

    /**
     * @param appliesTo the type the draft is for (only those items are compared), or null for all types
     */
    PolicySimulation.Report simulate(TenantId tenant, PolicyDefinition draft, WorkItemType appliesTo, int topN,
                                     double urgentWithinBusinessDays);
}
