package health.ordo.archfixture.application.port;

import java.util.function.Supplier;

/** Fixture: the unit-of-work port, with its cross-tenant scope. */
public interface TransactionPort {

    <T> T acrossTenants(Supplier<T> work);
}
