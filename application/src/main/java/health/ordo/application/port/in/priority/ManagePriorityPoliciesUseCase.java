package health.ordo.application.port.in.priority;

import health.ordo.domain.priority.PolicyDefinition;
import health.ordo.domain.priority.PriorityPolicy;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.WorkItemType;

import java.util.List;
import java.util.Optional;

/** Drafts, reads and activates versions of a tenant's priority policies. */
public interface ManagePriorityPoliciesUseCase {

    /** Every version of every policy of the tenant, newest first per policy. */
    List<PriorityPolicy> list(TenantId tenant);

    Optional<PriorityPolicy> get(TenantId tenant, String policyId, int version);

    /**
     * Stores a new draft version (the next number) of the policy, creating the policy on its first version.
     *
     * @param appliesTo the work item type the policy is for, or null for every type without a policy of its own
     */
    PriorityPolicy draft(TenantId tenant, String policyId, WorkItemType appliesTo, String description,
                         PolicyDefinition definition, Actor actor);

    /**
     * Makes a version the active one (retiring the previous) and starts a background job that re-scores the open
     * backlog with it.
     */
    JobStatus activate(TenantId tenant, String policyId, int version, Actor actor);
}
