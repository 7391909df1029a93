package health.ordo.tck;

import health.ordo.spi.Cursor;
import health.ordo.spi.HealthReport;
import health.ordo.spi.Outcome;
import health.ordo.spi.PullResult;
import health.ordo.spi.Rejection;
import health.ordo.spi.SourceAdapter;
import health.ordo.spi.SourceUnavailableException;
import health.ordo.spi.WorkItemCommand;
import health.ordo.spi.WriteBackResult;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A correct in-memory source and adapter, with switches that break one rule each, to test the TCK itself. */
final class InMemorySource implements SourceFixture {

    enum Flaw { NONE, REPEATS_LAST_RECORD_ON_RESUME, DROPS_BATCH_WITH_BAD_RECORD, APPLIES_TWICE, ALWAYS_UP }

    final List<String> records = new ArrayList<>();
    final Map<String, Integer> applied = new HashMap<>();
    final Set<String> released = new HashSet<>();
    int failures;

    @Override
    public void addValidRecords(int count) {
        for (int i = 0; i < count; i++) {
            records.add("R-" + (records.size() + 1));
        }
    }

    @Override
    public void addMalformedRecord() {
        records.add("");
    }

    @Override
    public void failNextCalls(int calls) {
        failures = calls;
    }

    @Override
    public int timesApplied(String idempotencyKey) {
        return applied.getOrDefault(idempotencyKey, 0);
    }

    SourceAdapter adapter(Flaw flaw) {
        return new SourceAdapter() {
            private HealthReport health = HealthReport.up(Instant.EPOCH);

            private void touch() {
                if (failures > 0) {
                    failures--;
                    health = new HealthReport(HealthReport.Status.DEGRADED, "source failing", Instant.EPOCH);
                    throw new SourceUnavailableException("source failing", null);
                }
                health = HealthReport.up(Instant.EPOCH);
            }

            @Override
            public String system() {
                return "memory";
            }

            @Override
            public PullResult pull(Cursor since, int max) {
                touch();
                int from = since.value().isEmpty() ? 0 : Integer.parseInt(since.value());
                if (flaw == Flaw.REPEATS_LAST_RECORD_ON_RESUME && from > 0) {
                    from--;
                }
                List<WorkItemCommand> commands = new ArrayList<>();
                List<Rejection> rejections = new ArrayList<>();
                int to = Math.min(records.size(), from + max);
                for (int i = from; i < to; i++) {
                    String id = records.get(i);
                    if (id.isEmpty()) {
                        rejections.add(new Rejection(null, "#" + i, "record has no id"));
                        if (flaw == Flaw.DROPS_BATCH_WITH_BAD_RECORD) {
                            commands.clear();
                        }
                    } else {
                        commands.add(new WorkItemCommand("INVOICE_HOLD", "memory", id, "Hold " + id, BigDecimal.TEN, "USD",
                                null, null, Map.of(), List.of()));
                    }
                }
                return new PullResult(commands, rejections, new Cursor(Integer.toString(to)), to < records.size());
            }

            @Override
            public HealthReport health() {
                return flaw == Flaw.ALWAYS_UP ? HealthReport.up(Instant.EPOCH) : health;
            }

            @Override
            public WriteBackResult writeBack(Outcome outcome) {
                touch();
                if (released.contains(outcome.externalId()) && flaw != Flaw.APPLIES_TWICE) {
                    return new WriteBackResult(WriteBackResult.Status.ALREADY_APPLIED, "released");
                }
                released.add(outcome.externalId());
                applied.merge(outcome.idempotencyKey(), 1, Integer::sum);
                return new WriteBackResult(WriteBackResult.Status.APPLIED, "released");
            }
        };
    }
}
