package health.ordo.application.port.out.transaction;

import java.util.function.Supplier;

/**
 * The unit of work: everything the supplier does through the persistence ports commits together or not at
 * all. A runtime exception thrown by the supplier rolls the transaction back and propagates.
 */
public interface TransactionPort {

    <T> T inTransaction(Supplier<T> work);

    <T> T readOnly(Supplier<T> work);
}
