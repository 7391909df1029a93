package health.ordo.application.port.in.insights;

import health.ordo.domain.shared.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Imports a legacy work-queue system's history (CSV or JSON lines) as a job: accepted at once, then read row by row
 * in the background (any node, resumable), each row validated; rows refused are reported with the field at fault.
 * Idempotent by source reference: importing a row again replaces it.
 */
public interface ImportHistoryUseCase {

    enum Format { CSV, JSON_LINES }

    HistoryImport submit(TenantId tenant, String requestedBy, Format format, String sourceSystem, String body);

    Optional<HistoryImport> find(TenantId tenant, UUID id);

    /** The rows refused, in row order (at most {@code limit}). */
    List<Rejection> rejections(TenantId tenant, UUID id, int limit);

    /**
     * A job and its progress.
     *
     * @param rowsRead rows of the file read so far (accepted + rejected)
     */
    record HistoryImport(UUID id, TenantId tenant, Format format, String sourceSystem, String status, int rowsRead,
                         int accepted, int rejected, String requestedBy, Instant requestedAt, Instant startedAt,
                         Instant finishedAt, String failure) {

        public boolean finished() {
            return "COMPLETED".equals(status) || "FAILED".equals(status);
        }
    }

    /** A refused row: its number in the file (1 = first data row) and the field at fault. */
    record Rejection(int row, String field, String message) {
    }
}
