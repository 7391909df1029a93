package health.ordo.application.service.insights;

import health.ordo.application.service.TenantRounds;
import health.ordo.application.port.in.insights.ImportHistoryUseCase.HistoryImport;
import health.ordo.application.port.in.insights.ImportHistoryUseCase.Rejection;
import health.ordo.application.port.in.insights.MaintainInsightsUseCase;
import health.ordo.application.port.out.insights.FactsPort;
import health.ordo.application.port.out.insights.FactsPort.KeyedFact;
import health.ordo.application.port.out.insights.HistoryFilePort;
import health.ordo.application.port.out.insights.HistoryImportPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.insights.HistoryRecord;
import health.ordo.domain.shared.TenantId;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps the facts and rollups current and runs history imports. Every round is safe on any number of nodes: the
 * watermark row, the changed days and the import jobs are claimed with row locks (SKIP LOCKED), so two nodes never do
 * the same piece of work, and an import abandoned by a dead node is resumed from its last chunk once its lease ends.
 */
public class InsightsMaintenanceService implements MaintainInsightsUseCase {

    static final int FACT_BATCH = 2000;
    static final int IMPORT_CHUNK = 1000;
    static final int DAYS_PER_ROUND = 25;
    private static final Duration ROUND_BUDGET = Duration.ofSeconds(20);
    private static final Duration IMPORT_LEASE = Duration.ofMinutes(2);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(10);

    private final FactsPort facts;
    private final HistoryImportPort imports;
    private final HistoryFilePort files;
    private final TransactionPort transactions;
    private final Clock clock;
    private final InsightZones zones;
    private final Duration settle;

    /**
     * @param zones  the time zone whose calendar days each tenant's rollups count in
     * @param settle how old an item change must be before its fact is refreshed (longer than a transaction takes to
     *               commit, so no change is passed over while still being committed)
     */
    public InsightsMaintenanceService(FactsPort facts, HistoryImportPort imports, HistoryFilePort files,
                                      TransactionPort transactions, Clock clock, InsightZones zones, Duration settle) {
        this.facts = facts;
        this.imports = imports;
        this.files = files;
        this.transactions = transactions;
        this.clock = clock;
        this.zones = zones;
        this.settle = settle;
    }

    @Override
    public int refreshFacts() {
        Instant deadline = clock.instant().plus(ROUND_BUDGET);
        int total = 0;
        while (clock.instant().isBefore(deadline)) {
            int refreshed = transactions.acrossTenants(() -> facts.lockWatermark().map(watermark -> {
                FactsPort.ChangedItems changed = facts.changedItems(watermark, clock.instant().minus(settle), FACT_BATCH);
                if (changed.facts().isEmpty()) {
                    return 0;
                }
                facts.ensurePartitions(months(changed.facts()));
                Map<TenantId, ZoneId> zoneOf = new HashMap<>();
                facts.saveFacts(changed.facts(), tenant -> zoneOf.computeIfAbsent(tenant, zones::of));
                facts.saveWatermark(changed.last());
                return changed.facts().size();
            }).orElse(0));
            total += refreshed;
            if (refreshed < FACT_BATCH) {
                break;
            }
        }
        return total;
    }

    @Override
    public int rollUpChangedDays() {
        recountMovedZones();
        Instant deadline = clock.instant().plus(ROUND_BUDGET);
        int total = 0;
        while (clock.instant().isBefore(deadline)) {
            int done = TenantRounds.tenantByTenant(transactions, facts::tenantsWithChangedDays, DAYS_PER_ROUND, (tenant, room) -> {
                List<FactsPort.TenantDay> days = facts.claimChangedDays(tenant, room);
                facts.rebuildRollups(tenant, days.stream().map(FactsPort.TenantDay::day).toList(), zones.of(tenant));
                return days.size();
            });
            total += done;
            if (done < DAYS_PER_ROUND) {
                break;
            }
        }
        return total;
    }

    /**
     * A tenant whose rollups count in another zone than its calendar's now (its calendar's zone changed, or rows from
     * before per-tenant zones) has its rows counted again: they are deleted and every day its facts touch is marked,
     * for the rounds to rebuild in the new zone.
     */
    private void recountMovedZones() {
        // one read for every tenant (its recorded zone and its calendar's), then a transaction per tenant that moved
        Map<TenantId, ZoneId> moved = transactions.readAcrossTenants(() -> {
            Map<TenantId, ZoneId> found = new LinkedHashMap<>();
            facts.rollupZones().forEach((tenant, counted) -> {
                ZoneId zone = zones.of(tenant);
                if (!zone.getId().equals(counted)) {
                    found.put(tenant, zone);
                }
            });
            return found;
        });
        moved.forEach((tenant, zone) -> transactions.inTransaction(tenant, () -> facts.recountRollups(tenant, zone)));
    }

    @Override
    public boolean runNextImport() {
        Instant now = clock.instant();
        List<HistoryImportPort.ClaimedImport> claims = new ArrayList<>(1);
        TenantRounds.tenantByTenant(transactions, () -> imports.tenantsWithImportsDue(now), 1, (tenant, room) -> {
            imports.claimNext(tenant, now, now.plus(IMPORT_LEASE)).ifPresent(claims::add);
            return claims.size();
        });
        if (claims.isEmpty()) {
            return false;
        }
        HistoryImportPort.ClaimedImport claimed = claims.get(0);
        HistoryImport job = claimed.job();
        Chunker chunker = new Chunker(job);
        try {
            files.read(job.format(), claimed.body(), row -> {
                if (row.number() > job.rowsRead()) {
                    chunker.add(row);
                }
            });
            chunker.flush();
            transactions.inTransaction(job.tenant(), () -> {
                imports.finish(job.tenant(), job.id(), "COMPLETED", null, clock.instant());
                return null;
            });
        } catch (HistoryFilePort.UnreadableFileException e) {
            chunker.flush();
            transactions.inTransaction(job.tenant(), () -> {
                imports.finish(job.tenant(), job.id(), "FAILED", e.getMessage(), clock.instant());
                return null;
            });
        } catch (RuntimeException e) {
            // the chunks written stay; the job is taken up again after a short pause, from the row after them
            transactions.inTransaction(job.tenant(), () -> {
                imports.retryAt(job.tenant(), job.id(), clock.instant().plus(RETRY_PAUSE));
                return null;
            });
            throw e;
        }
        return true;
    }

    /** Collects rows and writes them a chunk at a time, each chunk one transaction with the job's progress. */
    private final class Chunker {
        private final HistoryImport job;
        private final List<HistoryFilePort.Row> rows = new ArrayList<>();
        private int rowsRead;
        private int accepted;
        private int rejected;

        Chunker(HistoryImport job) {
            this.job = job;
            this.rowsRead = job.rowsRead();
            this.accepted = job.accepted();
            this.rejected = job.rejected();
        }

        void add(HistoryFilePort.Row row) {
            rows.add(row);
            if (rows.size() >= IMPORT_CHUNK) {
                flush();
            }
        }

        void flush() {
            if (rows.isEmpty()) {
                return;
            }
            TenantId tenant = job.tenant();
            // timestamps without an offset and plain dates are the tenant's local time
            ZoneId zone = transactions.readOnly(tenant, () -> zones.of(tenant));
            Map<UUID, KeyedFact> keyed = new LinkedHashMap<>();
            List<Rejection> refused = new ArrayList<>();
            for (HistoryFilePort.Row row : rows) {
                if (row.error() != null) {
                    refused.add(new Rejection(row.number(), "row", row.error()));
                    continue;
                }
                HistoryRecord.Reading reading = HistoryRecord.read(row.fields(), job.sourceSystem(), zone, clock.instant());
                if (!reading.ok()) {
                    reading.errors().forEach(error -> refused.add(new Rejection(row.number(), error.field(), error.message())));
                    continue;
                }
                HistoryRecord record = reading.record();
                UUID factId = importedFactId(tenant, record.sourceSystem(), record.externalId());
                keyed.remove(factId);
                keyed.put(factId, new KeyedFact(tenant, factId, false, record.sourceSystem(), record.externalId(),
                        record.currency(), record.fact()));
            }
            int rowsInChunk = rows.size();
            int refusedRows = (int) refused.stream().mapToInt(Rejection::row).distinct().count();
            List<KeyedFact> accepting = List.copyOf(keyed.values());
            // partitions first, committed on their own: the chunk's transaction then holds no lock on work_fact itself
            transactions.inTransaction(tenant, () -> {
                facts.ensurePartitions(months(accepting));
                return null;
            });
            transactions.inTransaction(tenant, () -> {
                facts.saveFacts(accepting, t -> zone);
                imports.progress(tenant, job.id(), rowsRead + rowsInChunk, accepted + rowsInChunk - refusedRows,
                        rejected + refusedRows, refused, clock.instant().plus(IMPORT_LEASE));
                return null;
            });
            rowsRead += rowsInChunk;
            accepted += rowsInChunk - refusedRows;
            rejected += refusedRows;
            rows.clear();
        }
    }

    /** An imported item's fact id: the same source reference always maps to the same fact, so importing again replaces it. */
    static UUID importedFactId(TenantId tenant, String sourceSystem, String externalId) {
        return UUID.nameUUIDFromBytes((tenant.value() + '\u0000' + sourceSystem + '\u0000' + externalId).getBytes(StandardCharsets.UTF_8));
    }

    private static Set<YearMonth> months(List<KeyedFact> keyed) {
        return keyed.stream().map(k -> YearMonth.from(k.fact().receivedAt().atZone(ZoneOffset.UTC))).collect(Collectors.toSet());
    }
}
