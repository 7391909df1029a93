package health.ordo.application.service.audit;

import health.ordo.application.port.in.audit.AuditUseCase;
import health.ordo.application.port.out.audit.AuditLogPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.audit.AuditEntry;
import health.ordo.domain.shared.TenantId;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Appends entries to each tenant's hash chain (serialized per tenant) and verifies chains. */
public final class AuditService implements AuditUseCase {

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
        return transactions.inTransaction(tenant, () -> {
            AuditEntry entry = AuditEntry.next(log.lockLast(tenant).orElse(null), tenant, clock.instant().truncatedTo(ChronoUnit.MICROS),
                    actor, action, entityType, entityId, details, requestId, clientIp);
            log.append(entry);
            return entry;
        });
    }

    @Override
    public List<AuditEntry> list(TenantId tenant, String entityType, String entityId, int limit) {
        return transactions.readOnly(tenant, () -> log.list(tenant, entityType, entityId, limit));
    }

    @Override
    public AuditEntry.Verification verify(TenantId tenant) {
        return AuditEntry.verify(transactions.readOnly(tenant, () -> log.chain(tenant)));
    }
}
