package health.ordo.application.port.out.transaction;

import health.ordo.domain.shared.TenantId;

import java.util.function.Supplier;

/**
 * The unit of work: everything the supplier does through the persistence ports commits together or not at
 * all. A runtime exception thrown by the supplier rolls the transaction back and propagates.
 *
 * <p>Every unit of work names its tenant scope. A tenant-scoped unit sees only that tenant's rows: the database
 * enforces it (row-level security), so a query that forgets its tenant filter still cannot read or change another
 * tenant's data. Only platform work that is cross-tenant by nature (timer sweeps, the write-back dispatcher,
 * connector scheduling, sign-in lookups, tenant provisioning) asks for {@link #acrossTenants}; platform rounds that
 * lock rows run tenant by tenant ({@code TenantRounds}).
 * Nested units must keep the scope of the outer one.
 */
public interface TransactionPort {

    <T> T inTransaction(TenantId tenant, Supplier<T> work);

    <T> T readOnly(TenantId tenant, Supplier<T> work);

    /** A unit of work that may touch every tenant's rows; for platform jobs only, never for a caller's request. */
    <T> T acrossTenants(Supplier<T> work);

    /** A read-only unit of work over every tenant's rows; for platform jobs and sign-in lookups only. */
    <T> T readAcrossTenants(Supplier<T> work);
}
