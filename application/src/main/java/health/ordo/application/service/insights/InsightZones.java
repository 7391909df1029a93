package health.ordo.application.service.insights;

import health.ordo.application.port.out.sla.SlaConfigPort;
import health.ordo.domain.sla.BusinessCalendar;
import health.ordo.domain.shared.TenantId;

import java.time.ZoneId;

/**
 * The time zone whose calendar days a tenant's insights count in: the zone of the tenant's business calendar (the one
 * named {@code default}, created with the tenant, else its first), or the deployment's ({@code ordo.insights.time-zone})
 * for a tenant without any. A tenant in New York counts an item that arrives at 8 pm on that day, not on the next
 * (which is the day in UTC). Read in the caller's transaction.
 */
public final class InsightZones {

    private final SlaConfigPort calendars;
    private final ZoneId deployment;

    public InsightZones(SlaConfigPort calendars, ZoneId deployment) {
        this.calendars = calendars;
        this.deployment = deployment;
    }

    /** The tenant's business calendar; a standard one in the deployment's zone when it has none. */
    public BusinessCalendar calendar(TenantId tenant) {
        return calendars.calendar(tenant, "default")
                .or(() -> calendars.calendars(tenant).stream().findFirst())
                .orElseGet(() -> BusinessCalendar.standard(tenant, deployment.getId()));
    }

    public ZoneId of(TenantId tenant) {
        return calendar(tenant).zone();
    }
}
