package health.ordo.application.port.out.priority;

import health.ordo.application.port.in.priority.PrioritySettings;
import health.ordo.domain.shared.TenantId;

import java.util.Optional;

/** Stored prioritization settings of a tenant. */
public interface PrioritySettingsPort {

    Optional<PrioritySettings> load(TenantId tenant);

    void save(TenantId tenant, PrioritySettings settings);
}
