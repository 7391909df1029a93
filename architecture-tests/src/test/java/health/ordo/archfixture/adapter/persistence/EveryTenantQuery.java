package health.ordo.archfixture.adapter.persistence;

import health.ordo.archfixture.application.port.TransactionPort;

/** Broken on purpose: an adapter that opens the cross-tenant scope itself, outside the application's platform jobs. */
public class EveryTenantQuery {

    private final TransactionPort transactions;

    public EveryTenantQuery(TransactionPort transactions) {
        this.transactions = transactions;
    }

    public int countEverything() {
        return transactions.acrossTenants(() -> 0);
    }
}
