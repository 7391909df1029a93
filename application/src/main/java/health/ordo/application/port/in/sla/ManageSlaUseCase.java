package health.ordo.application.port.in.sla;

import health.ordo.domain.sla.BusinessCalendar;
import health.ordo.domain.sla.SlaPolicy;
import health.ordo.domain.shared.TenantId;

import java.util.List;
import java.util.Optional;

/** Business calendars and versioned SLA policies of a tenant (TENANT_ADMIN). */
public interface ManageSlaUseCase {

    /** The stored calendar, or for {@code default} the standard Monday–Friday 09:00–17:00 calendar. */
    Optional<BusinessCalendar> calendar(TenantId tenant, String id);

    /** The tenant's calendars by id, the standard Monday–Friday calendar included when none of its id is stored. */
    List<BusinessCalendar> calendars(TenantId tenant);

    BusinessCalendar saveCalendar(BusinessCalendar calendar);

    List<SlaPolicy> policies(TenantId tenant);

    /** Stores the next version of the policy and makes it the active one (set-up and provisioning: no approval). */
    SlaPolicy savePolicy(SlaPolicy policy);

    /**
     * A person's change: like {@link #savePolicy(SlaPolicy)}, unless the tenant's maker-checker rules hold SLA policy
     * activation; then the version is stored inactive and an {@code ApprovalRequiredException} is thrown.
     */
    SlaPolicy savePolicy(SlaPolicy policy, health.ordo.domain.workitem.Actor maker);
}
