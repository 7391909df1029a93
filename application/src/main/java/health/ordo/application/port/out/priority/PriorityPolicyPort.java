package health.ordo.application.port.out.priority;

import health.ordo.domain.priority.PriorityPolicy;
import health.ordo.domain.shared.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored policy versions of a tenant. */
public interface PriorityPolicyPort {

    List<PriorityPolicy> loadAll(TenantId tenant);

    /** The active version of each of the tenant's policies. */
    List<PriorityPolicy> loadActive(TenantId tenant);

    Optional<PriorityPolicy> load(TenantId tenant, String policyId, int version);

    /** Highest version stored for the policy, 0 when none. */
    int latestVersion(TenantId tenant, String policyId);

    void insert(PriorityPolicy policy);

    /** Marks the version ACTIVE and the policy's previously active version RETIRED. */
    void activate(TenantId tenant, String policyId, int version, Instant at);
}
