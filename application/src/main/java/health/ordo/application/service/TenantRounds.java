package health.ordo.application.service;

import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.shared.TenantId;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** How platform rounds that lock rows run: tenant by tenant, each tenant's claim in its own unit of work. */
public final class TenantRounds {

    private TenantRounds() {
    }

    /**
     * A platform round that locks rows, one tenant at a time: lists the tenants with due work in an unlocked cross-tenant
     * read ({@code tenantsWithWork}, most urgent first), then runs {@code claim(tenant, room)} in each tenant's own
     * transaction, which claims (and may work) up to {@code room} rows and answers how many it took. Each tenant's room
     * is its fair share of {@code limit}, so one tenant's backlog cannot take a whole round from the others; room a
     * tenant leaves unused goes to the tenants that filled theirs, so a round takes {@code limit} rows whenever that
     * many are free (callers loop while a round comes back full). Every row lock is thereby taken in one tenant's rows:
     * one shard when the tables are distributed by tenant (docs/scale-out.md), and the tenant's own row-level security
     * scope.
     *
     * @return how many rows the claims took in all
     */
    public static int tenantByTenant(TransactionPort transactions, Supplier<List<TenantId>> tenantsWithWork, int limit,
                                     BiFunction<TenantId, Integer, Integer> claim) {
        List<TenantId> pending = limit <= 0 ? List.of() : transactions.readAcrossTenants(tenantsWithWork);
        int taken = 0;
        // equal shares first; what a tenant with less left does not use goes to those that filled their share
        while (!pending.isEmpty() && taken < limit) {
            int share = Math.max(1, (limit - taken + pending.size() - 1) / pending.size());
            List<TenantId> more = new ArrayList<>();
            for (TenantId tenant : pending) {
                int room = Math.min(share, limit - taken);
                if (room <= 0) {
                    break;
                }
                int got = transactions.inTransaction(tenant, () -> claim.apply(tenant, room));
                taken += got;
                if (got == room) {
                    more.add(tenant);
                }
            }
            pending = more;
        }
        return taken;
    }
}
