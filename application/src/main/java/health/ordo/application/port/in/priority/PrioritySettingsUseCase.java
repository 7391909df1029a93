package health.ordo.application.port.in.priority;

import health.ordo.domain.shared.TenantId;

/** Reads and changes a tenant's prioritization settings (override reason codes, approval threshold). */
public interface PrioritySettingsUseCase {

    PrioritySettings settings(TenantId tenant);

    PrioritySettings update(TenantId tenant, PrioritySettings settings);
}
