package health.ordo.application.port.out.operations;

import health.ordo.application.port.in.operations.OperationsSnapshot;

import java.time.Duration;
import java.time.Instant;

/** Aggregates the operational state over every tenant's rows (called inside a cross-tenant read). */
public interface OperationsStatsPort {

    /** @param lateAfter an escalation due longer than this and not fired counts as overdue */
    OperationsSnapshot read(Instant now, Duration lateAfter);
}
