package health.ordo.application.service.secret;

import health.ordo.application.port.in.secret.RotateSecretsUseCase;
import health.ordo.application.port.out.secret.ResealSecretsPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.shared.TenantId;

/**
 * Re-seals stored secrets under the current key (secrets of every tenant are sealed by the one deployment key), tenant by
 * tenant in batches, each batch in its own unit of work in the tenant's scope, until a batch of the tenant finds nothing
 * left it can seal again.
 */
public final class SecretRotationService implements RotateSecretsUseCase {

    static final int BATCH = 100;

    private final ResealSecretsPort secrets;
    private final TransactionPort transactions;

    public SecretRotationService(ResealSecretsPort secrets, TransactionPort transactions) {
        this.secrets = secrets;
        this.transactions = transactions;
    }

    @Override
    public int rotate() {
        int total = 0;
        for (TenantId tenant : transactions.readAcrossTenants(secrets::tenantsToReseal)) {
            ResealSecretsPort.Batch batch;
            do {
                batch = transactions.inTransaction(tenant, () -> secrets.resealNextBatch(tenant, BATCH));
                total += batch.resealed();
            } while (batch.examined() == BATCH && batch.resealed() > 0);
        }
        return total;
    }
}
