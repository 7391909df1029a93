package health.ordo.application.port.out.sla;

import health.ordo.domain.sla.BusinessCalendar;
import health.ordo.domain.sla.SlaPolicy;
import health.ordo.domain.shared.TenantId;

import java.util.List;
import java.util.Optional;

/** Stored calendars and SLA policy versions. */
public interface SlaConfigPort {

    Optional<BusinessCalendar> calendar(TenantId tenant, String id);

    /** The tenant's stored calendars, by id. */
    List<BusinessCalendar> calendars(TenantId tenant);

    void saveCalendar(BusinessCalendar calendar);

    List<SlaPolicy> policies(TenantId tenant);

    int latestVersion(TenantId tenant, String policyId);

    /** Inserts the version; an active one retires the policy's previous versions. */
    void insert(SlaPolicy policy);

    /** Makes that stored version the active one, retiring the others; false when there is no such version. */
    boolean activate(TenantId tenant, String policyId, int version);
}
