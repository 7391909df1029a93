package health.ordo.application.service.intake;

import health.ordo.application.port.in.approval.ApprovalRequiredException;
import health.ordo.application.port.in.intake.IntakeModelsUseCase;
import health.ordo.application.port.in.intake.MonitorIntakeModelsUseCase;
import health.ordo.application.port.out.intake.IntakeModelPort;
import health.ordo.application.port.out.tenant.TenantDirectoryPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.intake.IntakeModel;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The scheduled rounds of document intake's models: the drift check of every tenant (the alert of a week is one work
 * item, so nodes checking at once raise it once), and retraining where reviewers have labelled enough new documents (a
 * lease per tenant, so nodes retraining at once train it once).
 */
public final class IntakeMonitoringRound implements MonitorIntakeModelsUseCase {

    /** Who trains and asks for activation on the round's behalf (a person approves). */
    public static final Actor RETRAINING = Actor.supervisor("system:intake-retraining");
    /** Longer than any training run: a node that dies mid-run leaves the tenant to the next round after this. */
    static final Duration LEASE = Duration.ofHours(1);

    private final IntakeModelsUseCase models;
    private final TenantDirectoryPort tenants;
    private final TransactionPort transactions;
    private final IntakeModelPort registry;
    private final Clock clock;
    private final int retrainAfterLabels;

    /** @param retrainAfterLabels new reviewed labels since the newest model that make the round train a candidate */
    public IntakeMonitoringRound(IntakeModelsUseCase models, TenantDirectoryPort tenants, TransactionPort transactions,
                                 IntakeModelPort registry, Clock clock, int retrainAfterLabels) {
        this.models = Objects.requireNonNull(models, "models");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (retrainAfterLabels < 1) {
            throw new IllegalArgumentException("ordo.intake.retrain-after-labels must be at least 1, not " + retrainAfterLabels);
        }
        this.retrainAfterLabels = retrainAfterLabels;
    }

    @Override
    public int retrainWhereLabelled() {
        int trained = 0;
        RuntimeException first = null;
        for (TenantId tenant : transactions.readAcrossTenants(() -> registry.tenantsWithNewLabels(retrainAfterLabels))) {
            Instant now = clock.instant();
            if (!transactions.inTransaction(tenant, () -> registry.leaseRetraining(tenant, now, now.plus(LEASE)))) {
                continue; // another node trains it
            }
            try {
                IntakeModel candidate = models.train(tenant, RETRAINING);
                trained++;
                models.activate(tenant, candidate.version(), RETRAINING);
            } catch (ApprovalRequiredException asked) {
                // the activation waits for a second person, who sees the candidate against the active model
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            } finally {
                transactions.inTransaction(tenant, () -> {
                    registry.releaseRetraining(tenant);
                    return null;
                });
            }
        }
        if (first != null) {
            throw new IllegalStateException("retraining failed for at least one tenant (the others were trained): " + first, first);
        }
        return trained;
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
