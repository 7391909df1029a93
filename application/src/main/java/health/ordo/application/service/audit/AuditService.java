package health.ordo.application.service.audit;

import health.ordo.application.port.in.audit.AuditUseCase;
import health.ordo.application.port.out.audit.AuditLogPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.audit.AuditEntry;
import health.ordo.domain.shared.TenantId;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes audit entries and keeps each tenant's hash chain. A request only inserts its entry (no lock); the chainer
 * extends the chain with pending entries in insertion order under a per-tenant lock, so the chain is serialized while
 * requests are not. An entry is durable when its request ends, and tamper-evident once chained (within the chain
 * interval; {@code audit:verify} chains first).
 */
public final class AuditService implements AuditUseCase {

    private static final int BATCH = 1000;

    private final AuditLogPort log;
    private final TransactionPort transactions;
    private final Clock clock;

    public AuditService(AuditLogPort log, TransactionPort transactions, Clock clock) {
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public AuditEntry record(TenantId tenant, String actor, String action, String entityType, String entityId, Map<String, String> details,
                             String requestId, String clientIp) {
        AuditEntry entry = AuditEntry.pending(tenant, clock.instant().truncatedTo(ChronoUnit.MICROS), actor, action, entityType, entityId,
                details, requestId, clientIp);
        transactions.inTransaction(tenant, () -> {
            log.append(entry);
            return null;
        });
        return entry;
    }

    @Override
    public List<AuditEntry> list(TenantId tenant, String entityType, String entityId, int limit) {
        return transactions.readOnly(tenant, () -> log.list(tenant, entityType, entityId, limit));
    }

    @Override
    public AuditEntry.Verification verify(TenantId tenant) {
        while (chain(tenant) == BATCH) {
            // drain what is pending so the answer covers every entry written so far
        }
        return AuditEntry.verify(transactions.readOnly(tenant, () -> log.chain(tenant)));
    }

    @Override
    public int chainPending() {
        int chained = 0;
        for (TenantId tenant : transactions.readAcrossTenants(log::tenantsWithPending)) {
            int batch;
            do {
                batch = chain(tenant);
                chained += batch;
            } while (batch == BATCH);
        }
        return chained;
    }

    private int chain(TenantId tenant) {
        return transactions.inTransaction(tenant, () -> {
            AuditEntry previous = log.lockChain(tenant).orElse(null);
            List<AuditLogPort.Chained> chained = new ArrayList<>();
            for (AuditLogPort.Pending pending : log.pending(tenant, BATCH)) {
                previous = pending.entry().chainedAfter(previous);
                chained.add(new AuditLogPort.Chained(pending.rowId(), previous));
            }
            log.markChained(chained);
            return chained.size();
        });
    }
}
