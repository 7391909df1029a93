package health.ordo.application.port.out.tenant;

import health.ordo.application.port.in.tenant.ManageTenantsUseCase.TenantSummary;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.tenant.Branding;

import java.util.List;
import java.util.Optional;

/** Tenants and their branding in PostgreSQL. */
public interface TenantDirectoryPort {

    List<TenantSummary> tenants();

    Optional<TenantSummary> tenant(TenantId tenant);

    Optional<Branding> branding(TenantId tenant);

    void saveBranding(Branding branding);
}
