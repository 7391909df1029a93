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

    BusinessCalendar saveCalendar(BusinessCalendar calendar);

    List<SlaPolicy> policies(TenantId tenant);

    /** Stores the next version of the policy and makes it the active one. */
    SlaPolicy savePolicy(SlaPolicy policy);
}
