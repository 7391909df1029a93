package health.ordo.adapter.persistence.transaction;

import health.ordo.adapter.persistence.DeferredWrites;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.shared.TenantId;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs the application's units of work in JDBC transactions; ports called inside share its connection.
 *
 * <p>The first statement of every transaction sets {@code ordo.tenant_id} for that transaction only, as a
 * {@code SET LOCAL} statement: Citus passes that statement on to the workers a transaction touches
 * ({@code citus.propagate_set_commands = 'local'}), not the function form {@code set_config(…, true)}, and a setting
 * cannot be a bind parameter, so the scope is written into the statement, checked first to be a tenant slug or
 * {@code *} (docs/scale-out.md). The row-level security policies of every
 * tenant-owned table compare against it (see {@code V11__row_level_security.sql}). The value {@code *} is the
 * cross-tenant scope of platform jobs; it can never be a tenant id. A nested unit joins the outer one: a
 * tenant-scoped unit inside a cross-tenant job runs in the job's scope, one inside another tenant's unit is refused.
 *
 * <p>The tenant setting is held ({@link DeferredWrites}) and travels in front of the unit's first statement, in the
 * same round trip; what a writing unit still holds at its end (outbox, audit, timer plans, an item's new state) goes
 * with its {@code COMMIT}, in one round trip (ADR 0003).
 */
@Singleton
class JdbcTransactionAdapter implements TransactionPort {

    static final String ALL_TENANTS = "*";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private static final ThreadLocal<String> SCOPE = new ThreadLocal<>();

    private final TransactionOperations<Connection> transactions;

    JdbcTransactionAdapter(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(TenantId tenant, Supplier<T> work) {
        return transactions.executeWrite(status -> scoped(status, tenant.value(), true, work));
    }

    @Override
    public <T> T readOnly(TenantId tenant, Supplier<T> work) {
        return transactions.executeRead(status -> scoped(status, tenant.value(), false, work));
    }

    @Override
    public <T> T acrossTenants(Supplier<T> work) {
        return transactions.executeWrite(status -> scoped(status, ALL_TENANTS, true, work));
    }

    @Override
    public <T> T readAcrossTenants(Supplier<T> work) {
        return transactions.executeRead(status -> scoped(status, ALL_TENANTS, false, work));
    }

    /** The statement that sets the transaction's scope; the scope is written into it, so it must be a slug or {@code *}. */
    static String setTenant(String scope) {
        if (!ALL_TENANTS.equals(scope) && !SLUG.matcher(scope).matches()) {
            throw new IllegalArgumentException("not a tenant scope: " + scope);
        }
        return "set local ordo.tenant_id = '" + scope + "'";
    }

    private static <T> T scoped(TransactionStatus<Connection> status, String scope, boolean writes, Supplier<T> work)
            throws SQLException {
        String outer = SCOPE.get();
        if (outer != null) {
            if (!outer.equals(scope) && !outer.equals(ALL_TENANTS)) {
                throw new IllegalStateException("a unit of work for tenant scope '" + scope
                        + "' cannot run inside one for '" + outer + "'");
            }
            return work.get();
        }
        // the tenant setting goes in front of the unit's first statement, in the same round trip (DeferredWrites)
        DeferredWrites.open(status.getConnection(), setTenant(scope));
        if (!writes) {
            DeferredWrites.readOnly();
        }
        SCOPE.set(scope);
        try {
            T result = work.get();
            if (writes) {
                // the unit's deferred writes and its COMMIT in one round trip; a unit marked rollback-only sends its
                // writes without the commit and the transaction manager rolls them back
                DeferredWrites.flush(!status.isRollbackOnly());
            }
            return result;
        } finally {
            SCOPE.remove();
            DeferredWrites.discard();
        }
    }
}
