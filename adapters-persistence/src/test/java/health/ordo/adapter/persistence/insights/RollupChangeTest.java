package health.ordo.adapter.persistence.insights;

import health.ordo.adapter.persistence.PersistenceTestSupport;
import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.in.insights.InsightRequest;
import health.ordo.application.port.out.insights.FactsPort;
import health.ordo.application.port.out.insights.FactsPort.KeyedFact;
import health.ordo.application.port.out.insights.InsightReadPort;
import health.ordo.domain.insights.DailyRollup;
import health.ordo.domain.insights.DayMetrics;
import health.ordo.domain.insights.Dimension;
import health.ordo.domain.insights.WorkFact;
import health.ordo.domain.shared.TenantId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saving facts keeps the stored daily rollups exact on real PostgreSQL without rebuilding a day: after facts are
 * replaced (moved to other days and months, closed, cancelled, given other dimensions), from two writers at once on
 * the same days, every stored row is the row built whole from the day's facts, each month's row the sum of its days'
 * rows, and days no fact touches any more have no rows. A day rebuilt whole leaves its rows and its month's as they were.
 */
@MicronautTest(transactional = false)
class RollupChangeTest extends PersistenceTestSupport {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final LocalDate FIRST = LocalDate.of(2026, 1, 28);
    private static final int DAYS = 10;

    @Inject
    FactsPort facts;
    @Inject
    InsightReadPort reads;

    @Test
    void replacedFactsLeaveEachDaysRowsAsIfBuiltWhole() throws Exception {
        TenantId tenant = newTenant("rollup");
        Random random = new Random(11);
        List<KeyedFact> saved = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            saved.add(keyed(tenant, UUID.randomUUID(), fact(random, FIRST)));
        }
        save(tenant, saved);
        assertRowsAreBuiltWhole(tenant);

        // two writers replace alternate facts at once, on the same days; the later facts move half a week on
        List<KeyedFact> even = new ArrayList<>();
        List<KeyedFact> odd = new ArrayList<>();
        for (int i = 0; i < saved.size(); i++) {
            KeyedFact replacement = keyed(tenant, saved.get(i).factId(), fact(random, FIRST.plusDays(i % 4)));
            (i % 2 == 0 ? even : odd).add(replacement);
            saved.set(i, replacement);
        }
        CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> inBatches(tenant, even)),
                CompletableFuture.runAsync(() -> inBatches(tenant, odd))).get();
        assertRowsAreBuiltWhole(tenant);

        // rebuilding every day whole from its facts (as a round does for a day marked by a bulk load) changes nothing
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = FIRST.minusDays(1); day.isBefore(FIRST.plusDays(DAYS + 20)); day = day.plusDays(1)) {
            days.add(day);
        }
        for (int from = 0; from < days.size(); from += 7) {
            List<LocalDate> week = days.subList(from, Math.min(days.size(), from + 7));
            tx.inTransaction(tenant, () -> {
                facts.rebuildRollups(tenant, week, ZONE);
                return null;
            });
        }
        assertRowsAreBuiltWhole(tenant);

        // every fact moves out of the first two days: those days keep no rows
        List<KeyedFact> moved = saved.stream().map(keyed -> keyed(tenant, keyed.factId(), fact(random, FIRST.plusDays(3)))).toList();
        save(tenant, moved);
        assertRowsAreBuiltWhole(tenant);
        assertThat(tx.inTransaction(tenant, () -> reads.rollup(tenant, FIRST.minusDays(1), FIRST.plusDays(1), null,
                InsightRequest.Period.DAY, false))).isEmpty();
        // a range of days, a whole month and days again: the days read from the daily rows, February from its monthly one
        assertThat(tx.inTransaction(tenant, () -> reads.rollup(tenant, LocalDate.of(2026, 1, 20), LocalDate.of(2026, 3, 10), null,
                InsightRequest.Period.NONE, false)))
                .singleElement().satisfies(total -> assertThat(total.metrics().arrivals).isEqualTo(400));
        // with the histograms: the rows are read once and summed in Java, to the same counts
        DailyRollup.Row counted = tx.inTransaction(tenant, () -> reads.rollup(tenant, LocalDate.of(2026, 1, 20), LocalDate.of(2026, 3, 10),
                null, InsightRequest.Period.NONE, false)).get(0);
        assertThat(tx.inTransaction(tenant, () -> reads.rollup(tenant, LocalDate.of(2026, 1, 20), LocalDate.of(2026, 3, 10), null,
                InsightRequest.Period.NONE, true))).singleElement().satisfies(total -> {
                    assertThat(total.metrics().arrivals).isEqualTo(400);
                    assertThat(total.metrics().completions).isEqualTo(counted.metrics().completions).isPositive();
                    assertThat(total.metrics().completedAmount).isEqualByComparingTo(counted.metrics().completedAmount);
                    assertThat(java.util.Arrays.stream(total.metrics().cycle).sum()).isEqualTo(counted.metrics().completions);
                });
    }

    @Test
    void aMonthTheRangeCoversInPart_readAsTheMonthLessItsOtherDaysOrAsItsDays_sumsAsTheDaysDo() {
        TenantId tenant = newTenant("rollup-part-months");
        Random random = new Random(11);
        List<KeyedFact> keyed = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            // arrivals from January 1 to late March, closings by early April: no day after April 6 holds rows
            keyed.add(keyed(tenant, UUID.randomUUID(), fact(random, LocalDate.of(2026, 1, 1).plusDays(i % 80))));
        }
        inBatches(tenant, keyed);
        List<LocalDate[]> ranges = List.of(
                new LocalDate[]{LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 20)},  // both ends: the month less 4 and 11 days
                new LocalDate[]{LocalDate.of(2026, 1, 20), LocalDate.of(2026, 3, 5)},  // both ends: the days inside
                new LocalDate[]{LocalDate.of(2026, 2, 3), LocalDate.of(2026, 4, 6)},   // April: the month, no day after the 6th has rows
                new LocalDate[]{LocalDate.of(2026, 1, 2), LocalDate.of(2026, 2, 27)});
        for (LocalDate[] range : ranges) {
            for (InsightRequest.Period period : List.of(InsightRequest.Period.NONE, InsightRequest.Period.MONTH)) {
                for (Dimension dimension : java.util.Arrays.asList(null, Dimension.QUEUE, Dimension.WORKER)) {
                    for (boolean durations : List.of(false, true)) {
                        Map<String, String> byDays = new java.util.TreeMap<>();
                        Map<String, DayMetrics> sums = new java.util.TreeMap<>();
                        for (DailyRollup.Row day : tx.inTransaction(tenant, () -> reads.rollup(tenant, range[0], range[1], null, dimension,
                                null, InsightRequest.Period.DAY, durations))) {
                            LocalDate label = period == InsightRequest.Period.NONE ? range[0] : day.day().withDayOfMonth(1);
                            sums.computeIfAbsent(label + " " + day.value(), k -> new DayMetrics()).add(day.metrics());
                        }
                        sums.forEach((key, metrics) -> byDays.put(key, metrics.toString()));
                        Map<String, String> read = new java.util.TreeMap<>();
                        tx.inTransaction(tenant, () -> reads.rollup(tenant, range[0], range[1], null, dimension, null, period, durations))
                                .forEach(row -> read.put(row.day() + " " + row.value(), row.metrics().toString()));
                        assertThat(read).as("%s to %s, %s, by %s, durations %s", range[0], range[1], period, dimension, durations)
                                .isNotEmpty().isEqualTo(byDays);
                    }
                }
            }
        }
    }

    @Test
    void theMigrationBuildsEachMonthFromTheDailyRowsThere() throws Exception {
        TenantId tenant = newTenant("rollup-backfill");
        Random random = new Random(5);
        List<KeyedFact> keyed = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            keyed.add(keyed(tenant, UUID.randomUUID(), fact(random, FIRST.plusDays(i % 9))));
        }
        save(tenant, keyed);
        Map<String, String> kept = monthlyRows(tenant);
        assertThat(kept).isNotEmpty();

        // V35's backfill, after its cross-tenant setting: under the tenant's own setting it rebuilds that tenant's months
        String migration = new String(getClass().getResourceAsStream("/db/migration/V35__monthly_rollups.sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        String backfill = migration.substring(migration.indexOf("insert into work_monthly"));
        // the daily rows as V35 found them: V40's pair rows came later
        deleteRows(tenant, "work_daily", "filter_dimension <> ''");
        // through Sql, as every statement of the repositories: the unit's tenant setting goes in front
        tx.inTransaction(tenant, () -> {
            assertThat(Sql.update(jdbc, "delete from work_monthly where tenant_id = ?", tenant.value())).isPositive();
            return Sql.update(jdbc, backfill);
        });
        assertThat(monthlyRows(tenant)).isEqualTo(kept);
    }

    @Test
    void daysMarkedByTheMigrationGetTheirPairRowsWhenRebuilt() throws Exception {
        // the rows as they were before V40: none per filter value
        pairRowsComeBackWhenMarkedBy("V40__pair_rollups.sql", "filter_dimension <> ''");
    }

    @Test
    void daysMarkedWhenTheTypeWasPairedGetItsPairRowsWhenRebuilt() throws Exception {
        // the rows as they were before V43: none per type
        pairRowsComeBackWhenMarkedBy("V43__type_pair_rollups.sql", "filter_dimension = 'type'");
    }

    @Test
    void daysMarkedWhenEveryDimensionButTheWorkerWasPairedGetTheirPairRows_andThoseOfNoValueGo() throws Exception {
        // the rows as they were before V44: none per supplier, specialty or source system; pair rows of facts with no value
        // of the filter's dimension (here: each queue's rows copied as those of "no supplier")
        TenantId tenant = pairRowsComeBackWhenMarkedBy("V44__pair_rows_for_every_dimension_but_the_worker.sql",
                "filter_dimension in ('supplier', 'specialty', 'source-system')", staleRowsOfNoSupplier());

        for (String table : List.of("work_daily", "work_monthly")) {
            long left = tx.inTransaction(tenant, () -> Sql.query(jdbc, "select count(*) from " + table
                    + " where tenant_id = ? and filter_value = '(none)'", rs -> rs.getLong(1), tenant.value()).get(0));
            assertThat(left).as(table).isZero();
        }
    }

    /** Copies a tenant's rows of each queue as pair rows of "no supplier", as rollups kept them before V44. */
    private java.util.function.Consumer<TenantId> staleRowsOfNoSupplier() {
        return tenant -> {
            for (String table : List.of("work_daily", "work_monthly")) {
                String period = table.equals("work_daily") ? "day" : "month";
                int copied = tx.inTransaction(tenant, () -> Sql.update(jdbc, "insert into " + table + " (tenant_id, " + period
                        + ", dimension, value, filter_dimension, filter_value, " + String.join(", ", RollupRows.METRICS) + ") select tenant_id, "
                        + period + ", dimension, value, 'supplier', '(none)', " + String.join(", ", RollupRows.METRICS) + " from " + table
                        + " where tenant_id = ? and dimension = 'queue' and filter_dimension = ''", tenant.value()));
                assertThat(copied).as(table).isPositive();
            }
        };
    }

    private TenantId pairRowsComeBackWhenMarkedBy(String migrationFile, String rowsBefore) throws Exception {
        return pairRowsComeBackWhenMarkedBy(migrationFile, rowsBefore, tenant -> { });
    }

    /** Rows as a migration found them ({@code rowsBefore} deleted, then {@code before}), the migration run, the marked days rebuilt. */
    private TenantId pairRowsComeBackWhenMarkedBy(String migrationFile, String rowsBefore, java.util.function.Consumer<TenantId> before)
            throws Exception {
        TenantId tenant = newTenant("rollup-pairs");
        Random random = new Random(8);
        List<KeyedFact> keyed = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            keyed.add(keyed(tenant, UUID.randomUUID(), fact(random, FIRST.plusDays(i % 9))));
        }
        save(tenant, keyed);
        rebuildMarkedDays(tenant);
        deleteRows(tenant, "work_daily", rowsBefore);
        deleteRows(tenant, "work_monthly", rowsBefore);
        before.accept(tenant);
        String migration = new String(getClass().getResourceAsStream("/db/migration/" + migrationFile).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        // the migration's statements after its cross-tenant setting: under the tenant's own setting they touch its rows only
        String marking = migration.substring(migration.indexOf('\n', migration.indexOf("set_config")) + 1);
        // each statement touches rows of the tenant: V44's deletes the rows of "none", every marking the days
        List<Integer> touched = tx.inTransaction(tenant, () -> {
            List<Integer> counts = new ArrayList<>();
            for (String statement : marking.split(";\\s*\n")) {
                if (!statement.isBlank()) {
                    counts.add(Sql.update(jdbc, statement));
                }
            }
            return counts;
        });
        assertThat(touched).as("rows each statement of %s touched", migrationFile).isNotEmpty().allSatisfy(count -> assertThat(count).isPositive());
        rebuildMarkedDays(tenant);
        assertRowsAreBuiltWhole(tenant);
        return tenant;
    }

    /** What the rounds do: rebuild the days marked. */
    private void rebuildMarkedDays(TenantId tenant) {
        for (List<FactsPort.TenantDay> days = claim(tenant); !days.isEmpty(); days = claim(tenant)) {
            List<LocalDate> claimed = days.stream().map(FactsPort.TenantDay::day).toList();
            tx.inTransaction(tenant, () -> {
                facts.rebuildRollups(tenant, claimed, ZONE);
                return null;
            });
        }
    }

    /** Deletes the tenant's rows of a rollup table that match the condition (a fixed text of the test). */
    private void deleteRows(TenantId tenant, String table, String condition) {
        int deleted = tx.inTransaction(tenant, () -> Sql.update(jdbc, "delete from " + table + " where tenant_id = ? and " + condition, tenant.value()));
        assertThat(deleted).as("%s rows where %s", table, condition).isPositive();
    }

    private List<FactsPort.TenantDay> claim(TenantId tenant) {
        return tx.inTransaction(tenant, () -> facts.claimChangedDays(tenant, 5));
    }

    private Map<String, String> monthlyRows(TenantId tenant) {
        return monthlyRows(tenant, List.of());
    }

    /** The monthly rows without a filter, and those of each filter given. */
    private Map<String, String> monthlyRows(TenantId tenant, List<DailyRollup.Filter> filters) {
        Map<String, String> rows = new HashMap<>();
        for (DailyRollup.Filter filter : Stream.concat(Stream.of((DailyRollup.Filter) null), filters.stream().filter(java.util.Objects::nonNull)).toList()) {
            for (Dimension dimension : Stream.concat(Stream.of((Dimension) null), Stream.of(Dimension.values())).toList()) {
                if (filter != null && (dimension == null || dimension == filter.dimension())) {
                    continue;
                }
                tx.inTransaction(tenant, () -> reads.rollup(tenant, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), filter, dimension,
                        InsightRequest.Period.MONTH, true)).forEach(row -> rows.put(key(new DailyRollup.Row(row.day(), filter, dimension,
                        row.value(), row.metrics())), row.metrics().toString()));
            }
        }
        return rows;
    }

    /** No filter, and every filter the rows' keys name. */
    private static List<DailyRollup.Filter> filters(java.util.Set<String> keys) {
        List<DailyRollup.Filter> filters = new ArrayList<>();
        filters.add(null);
        keys.stream().map(key -> key.replaceFirst("^month ", "").split("/", -1)).filter(parts -> !parts[1].isEmpty())
                .map(parts -> new DailyRollup.Filter(Dimension.fromApiName(parts[1].split("=", 2)[0]), parts[1].split("=", 2)[1]))
                .distinct().forEach(filters::add);
        return filters;
    }

    @Test
    void aFilteredReadReturnsExactlyTheFactsOfItsValuesInTheRange() {
        TenantId tenant = newTenant("filtered");
        TenantId other = newTenant("filtered-other");
        Random random = new Random(5);
        List<KeyedFact> saved = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            saved.add(keyed(tenant, UUID.randomUUID(), fact(random, FIRST.plusDays(i % 8))));
        }
        save(tenant, saved);
        save(other, List.of(keyed(other, UUID.randomUUID(), fact(new Random(5), FIRST))));
        LocalDate from = FIRST.plusDays(3);
        LocalDate to = FIRST.plusDays(6);
        List<WorkFact> all = facts(tenant, from, to, Map.of());
        List<Map<Dimension, String>> filters = List.of(Map.of(Dimension.PAYER, "p1"), Map.of(Dimension.WORKER, Dimension.NONE),
                Map.of(Dimension.QUEUE, "q2", Dimension.PAYER, "p3"), Map.of(Dimension.SOURCE_SYSTEM, "legacy", Dimension.TEAM, Dimension.NONE),
                Map.of(Dimension.PAYER, "p9"));
        for (Map<Dimension, String> where : filters) {
            List<String> expected = all.stream().filter(f -> where.entrySet().stream().allMatch(e -> e.getValue().equals(f.value(e.getKey()))))
                    .map(RollupChangeTest::identity).sorted().toList();
            List<String> read = facts(tenant, from, to, where).stream()
                    .map(RollupChangeTest::identity).sorted().toList();
            assertThat(read).as("facts of %s", where).isEqualTo(expected);
        }
        assertThat(all).hasSizeGreaterThan(100);
    }

    private List<WorkFact> facts(TenantId tenant, LocalDate from, LocalDate to, Map<Dimension, String> where) {
        List<WorkFact> read = new ArrayList<>();
        tx.inTransaction(tenant, () -> {
            reads.facts(tenant, from, to, ZONE, where, read::add);
            return null;
        });
        return read;
    }

    private static String identity(WorkFact fact) {
        return new java.util.TreeMap<>(fact.dimensions()) + " " + fact.receivedAt() + " " + fact.closedAt() + " " + fact.amount();
    }

    private void inBatches(TenantId tenant, List<KeyedFact> keyed) {
        for (int from = 0; from < keyed.size(); from += 20) {
            save(tenant, keyed.subList(from, Math.min(keyed.size(), from + 20)));
        }
    }

    /** As a history import does: the partitions first, committed on their own, then the facts. */
    private void save(TenantId tenant, List<KeyedFact> keyed) {
        tx.inTransaction(tenant, () -> {
            facts.ensurePartitions(keyed.stream().map(k -> YearMonth.from(k.fact().receivedAt().atZone(java.time.ZoneOffset.UTC)))
                    .sorted().toList());
            return null;
        });
        tx.inTransaction(tenant, () -> {
            facts.saveFacts(keyed, t -> ZONE);
            return null;
        });
    }

    private void assertRowsAreBuiltWhole(TenantId tenant) {
        Map<String, String> expected = new HashMap<>();
        Map<String, String> stored = new HashMap<>();
        for (LocalDate day = FIRST.minusDays(1); day.isBefore(FIRST.plusDays(DAYS + 20)); day = day.plusDays(1)) {
            LocalDate d = day;
            List<WorkFact> touching = tx.inTransaction(tenant, () -> facts.factsTouching(tenant, d, ZONE));
            DailyRollup.of(day, ZONE, touching).forEach(row -> expected.put(key(row), row.metrics().toString()));
        }
        for (DailyRollup.Filter filter : filters(expected.keySet())) {
            for (Dimension dimension : Stream.concat(Stream.of((Dimension) null), Stream.of(Dimension.values())).toList()) {
                if (filter != null && (dimension == null || dimension == filter.dimension())) {
                    continue;
                }
                tx.inTransaction(tenant, () -> reads.rollup(tenant, FIRST.minusDays(1), FIRST.plusDays(DAYS + 20), filter, dimension,
                        InsightRequest.Period.DAY, true)).forEach(row -> stored.put(key(new DailyRollup.Row(row.day(), filter, dimension,
                        row.value(), row.metrics())), row.metrics().toString()));
            }
        }
        // the monthly rows: every month the facts touch is whole inside January to March
        List<DailyRollup.Row> builtWhole = new ArrayList<>();
        for (LocalDate day = FIRST.minusDays(1); day.isBefore(FIRST.plusDays(DAYS + 20)); day = day.plusDays(1)) {
            LocalDate d = day;
            builtWhole.addAll(DailyRollup.of(day, ZONE, tx.inTransaction(tenant, () -> facts.factsTouching(tenant, d, ZONE))));
        }
        DailyRollup.byMonth(builtWhole).forEach(row -> expected.put("month " + key(row), row.metrics().toString()));
        monthlyRows(tenant, filters(expected.keySet())).forEach((key, metrics) -> stored.put("month " + key, metrics));
        assertThat(expected).isNotEmpty();
        assertThat(expected.keySet()).anyMatch(key -> key.contains("/payer=p1/queue/"));
        Map<String, String> differences = new java.util.TreeMap<>();
        expected.forEach((key, value) -> {
            if (!value.equals(stored.get(key))) {
                differences.put(key, "built whole: " + value + "\n   stored: " + stored.get(key));
            }
        });
        stored.keySet().stream().filter(key -> !expected.containsKey(key)).forEach(key -> differences.put(key, "stored only: " + stored.get(key)));
        assertThat(differences).as("rows whose stored metrics differ from the rows built whole").isEmpty();
    }

    private static String key(DailyRollup.Row row) {
        String filter = row.filter() == null ? "" : row.filter().dimension().apiName() + "=" + row.filter().value();
        return row.day() + "/" + filter + "/" + (row.dimension() == null ? "" : row.dimension().apiName()) + "/" + row.value();
    }

    private static KeyedFact keyed(TenantId tenant, UUID id, WorkFact fact) {
        return new KeyedFact(tenant, id, false, "legacy", id.toString(), "USD", fact);
    }

    /** Arriving within five days of {@code from} (nanoseconds and odd cents included), most closed days later. */
    private static WorkFact fact(Random random, LocalDate from) {
        Instant received = from.atStartOfDay(ZONE).toInstant().plusSeconds(random.nextInt(5 * 86_400)).plusNanos(random.nextInt(1_000_000_000));
        boolean closed = random.nextInt(3) > 0;
        Instant started = random.nextBoolean() ? received.plusSeconds(random.nextInt(40_000)) : null;
        Instant closedAt = closed ? received.plusSeconds(50_000 + random.nextInt(5 * 86_400)).plusNanos(random.nextInt(1_000_000_000)) : null;
        return new WorkFact(Map.of(Dimension.QUEUE, "q" + random.nextInt(3), Dimension.PAYER, "p" + random.nextInt(4),
                Dimension.TYPE, "t" + random.nextInt(2), Dimension.WORKER, random.nextBoolean() ? "w" + random.nextInt(3) : "",
                Dimension.SUPPLIER, random.nextBoolean() ? "u" + random.nextInt(2) : "", Dimension.SPECIALTY, "c" + random.nextInt(2)),
                new BigDecimal(random.nextInt(10_000_000)).movePointLeft(5), received, started, started, closedAt,
                closed && random.nextInt(5) == 0, closed && random.nextInt(4) == 0,
                random.nextBoolean() ? received.plusSeconds(3 * 86_400) : null, Duration.ofMillis(random.nextInt(3_600_000)),
                random.nextInt(4) == 0 ? 1 : 0, random.nextBoolean(), random.nextBoolean(), random.nextInt(3), random.nextInt(2));
    }
}
