package health.ordo.application.support;

import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.shared.TenantId;

import java.util.function.Supplier;

/** Test double for the transaction boundary: runs the work directly and counts how often it was asked to. */
public final class DirectTransactions implements TransactionPort {

    public int transactions;

    @Override
    public <T> T inTransaction(TenantId tenant, Supplier<T> work) {
        transactions++;
        return work.get();
    }

    @Override
    public <T> T readOnly(TenantId tenant, Supplier<T> work) {
        return work.get();
    }

    @Override
    public <T> T acrossTenants(Supplier<T> work) {
        transactions++;
        return work.get();
    }

    @Override
    public <T> T readAcrossTenants(Supplier<T> work) {
        return work.get();
    }
}
