package health.ordo.application.service.intake;

import health.ordo.application.port.in.intake.IntakeModelsUseCase;
import health.ordo.application.port.in.intake.MonitorIntakeModelsUseCase;
import health.ordo.application.port.out.tenant.TenantDirectoryPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.shared.TenantId;

import java.util.Objects;

/** Runs the drift check of every tenant; the alert of a week is one work item, so nodes checking at once raise it once. */
public final class IntakeMonitoringRound implements MonitorIntakeModelsUseCase {

    private final IntakeModelsUseCase models;
    private final TenantDirectoryPort tenants;
    private final TransactionPort transactions;

    public IntakeMonitoringRound(IntakeModelsUseCase models, TenantDirectoryPort tenants, TransactionPort transactions) {
        this.models = Objects.requireNonNull(models, "models");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public int checkAllTenants() {
        int drifted = 0;
        RuntimeException first = null;
        for (var summary : transactions.readAcrossTenants(tenants::tenants)) {
            try {
                if (models.checkDrift(TenantId.of(summary.id())).drifted()) {
                    drifted++;
                }
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw new IllegalStateException("the drift check failed for at least one tenant (the others were checked): " + first, first);
        }
        return drifted;
    }
}
