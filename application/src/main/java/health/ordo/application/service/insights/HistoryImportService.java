package health.ordo.application.service.insights;

import health.ordo.application.port.in.insights.ImportHistoryUseCase;
import health.ordo.application.port.out.insights.HistoryImportPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Accepts history files as jobs; {@link InsightsMaintenanceService#runNextImport} reads them. */
public class HistoryImportService implements ImportHistoryUseCase {

    private final HistoryImportPort imports;
    private final TransactionPort transactions;
    private final Clock clock;

    public HistoryImportService(HistoryImportPort imports, TransactionPort transactions, Clock clock) {
        this.imports = imports;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public HistoryImport submit(TenantId tenant, String requestedBy, Format format, String sourceSystem, String body) {
        String source = sourceSystem == null || sourceSystem.isBlank() ? "legacy" : sourceSystem.trim();
        InvalidValueException.require(source.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}"), "source",
                "a source system name is letters, digits, '.', '_' and '-', at most 63 characters");
        InvalidValueException.require(body != null && !body.isBlank(), "body", "the history file is empty");
        HistoryImport job = new HistoryImport(UUID.randomUUID(), tenant, format, source, "QUEUED", 0, 0, 0, requestedBy,
                clock.instant(), null, null, null);
        transactions.inTransaction(tenant, () -> {
            imports.create(job, body);
            return null;
        });
        return job;
    }

    @Override
    public Optional<HistoryImport> find(TenantId tenant, UUID id) {
        return transactions.readOnly(tenant, () -> imports.find(tenant, id));
    }

    @Override
    public List<Rejection> rejections(TenantId tenant, UUID id, int limit) {
        return transactions.readOnly(tenant, () -> imports.rejections(tenant, id, Math.max(1, Math.min(limit, 10_000))));
    }
}
