package health.ordo.application.port.in.sla;

import health.ordo.domain.sla.SlaClock;
import health.ordo.domain.sla.SlaPolicy;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItemId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An item's SLA clock now, with the policy that governs it and the escalations already fired. */
public interface GetSlaQuery {

    Optional<SlaView> sla(TenantId tenant, WorkItemId id);

    /** The clock (null when no SLA policy applies), its policy, and fired escalations oldest first. */
    record SlaView(SlaPolicy policy, SlaClock clock, List<FiredEscalation> fired) {
    }

    /** An escalation that fired. */
    record FiredEscalation(String stage, Instant dueAt, Instant firedAt, boolean late) {
    }
}
