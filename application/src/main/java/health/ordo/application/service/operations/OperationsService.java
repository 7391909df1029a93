package health.ordo.application.service.operations;

import health.ordo.application.port.in.operations.ObserveOperationsUseCase;
import health.ordo.application.port.in.operations.OperationsSnapshot;
import health.ordo.application.port.out.operations.OperationsStatsPort;
import health.ordo.application.port.out.transaction.TransactionPort;

import java.time.Clock;
import java.time.Duration;

/** Reads the operational snapshot in one read-only transaction across tenants (one consistent view). */
public final class OperationsService implements ObserveOperationsUseCase {

    private final OperationsStatsPort stats;
    private final TransactionPort transactions;
    private final Clock clock;
    private final Duration lateAfter;

    public OperationsService(OperationsStatsPort stats, TransactionPort transactions, Clock clock, Duration lateAfter) {
        this.stats = stats;
        this.transactions = transactions;
        this.clock = clock;
        this.lateAfter = lateAfter;
    }

    @Override
    public OperationsSnapshot snapshot() {
        return transactions.readAcrossTenants(() -> stats.read(clock.instant(), lateAfter));
    }
}
