package health.ordo.adapter.persistence;

import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.user.SaveTenantPort;
import health.ordo.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Inject;

import java.util.UUID;

/** What the persistence tests on real PostgreSQL share: units of work, the connection's operations, fresh tenants. */
public abstract class PersistenceTestSupport {

    @Inject
    protected TransactionPort tx;
    @Inject
    protected JdbcOperations jdbc;
    @Inject
    protected SaveTenantPort tenants;

    /** A tenant of the test's own ({@code prefix-} and eight random characters), created. */
    protected TenantId newTenant(String prefix) {
        TenantId tenant = TenantId.of(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        tx.inTransaction(tenant, () -> tenants.createTenantIfAbsent(tenant, tenant.value()));
        return tenant;
    }
}
