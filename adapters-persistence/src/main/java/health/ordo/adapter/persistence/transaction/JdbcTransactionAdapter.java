package health.ordo.adapter.persistence.transaction;

import health.ordo.application.port.out.transaction.TransactionPort;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.function.Supplier;

/** Runs the application's units of work in JDBC transactions; ports called inside share its connection. */
@Singleton
class JdbcTransactionAdapter implements TransactionPort {

    private final TransactionOperations<Connection> transactions;

    JdbcTransactionAdapter(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        return transactions.executeRead(status -> work.get());
    }
}
