package health.ordo.application.service.secret;

import health.ordo.application.port.in.secret.RotateSecretsUseCase;
import health.ordo.application.port.out.secret.ResealSecretsPort;
import health.ordo.application.port.out.transaction.TransactionPort;

/**
 * Re-seals stored secrets under the current key in batches, each in its own cross-tenant unit of work (secrets of every
 * tenant are sealed by the one deployment key), until a batch finds nothing left it can seal again.
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
        ResealSecretsPort.Batch batch;
        do {
            batch = transactions.acrossTenants(() -> secrets.resealNextBatch(BATCH));
            total += batch.resealed();
        } while (batch.examined() == BATCH && batch.resealed() > 0);
        return total;
    }
}
