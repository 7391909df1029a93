package health.ordo.domain.insights;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A rollup changed fact by fact is the rollup built whole from the facts left. */
class DailyRollupTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final LocalDate FIRST = LocalDate.of(2026, 3, 6);

    @Test
    void replacingFactsChangesTheRowsToWhatTheRemainingFactsBuildWhole() {
        Random random = new Random(7);
        List<WorkFact> before = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            before.add(fact(random));
        }
        List<WorkFact> after = new ArrayList<>(before);
        DailyRollup.Change change = new DailyRollup.Change(ZONE);
        for (int i = 0; i < 200; i += 3) {
            WorkFact replacement = fact(random);
            change.remove(after.get(i)).add(replacement);
            after.set(i, replacement);
        }
        // the stored rows (whole, from before) plus the change
        Map<DailyRollup.Key, DayMetrics> rows = new java.util.HashMap<>();
        for (LocalDate day = FIRST.minusDays(1); day.isBefore(FIRST.plusDays(12)); day = day.plusDays(1)) {
            DailyRollup.of(day, ZONE, before).forEach(row -> rows.put(row.key(), row.metrics()));
        }
        change.rows().forEach(row -> rows.computeIfAbsent(row.key(), key -> new DayMetrics()).add(row.metrics()));
        rows.values().removeIf(DayMetrics::untouched);

        Map<DailyRollup.Key, String> expected = new java.util.HashMap<>();
        for (LocalDate day = FIRST.minusDays(1); day.isBefore(FIRST.plusDays(12)); day = day.plusDays(1)) {
            DailyRollup.of(day, ZONE, after).forEach(row -> expected.put(row.key(), text(row.metrics())));
        }
        assertThat(rows.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> text(entry.getValue()))))
                .isEqualTo(expected);
    }

    @Test
    void aFactAddedAndTakenOutAgainChangesNothing() {
        WorkFact fact = fact(new Random(3));
        assertThat(new DailyRollup.Change(ZONE).add(fact).remove(fact).rows()).isEmpty();
        assertThat(new DailyRollup.Change(ZONE).add(fact).rows()).isNotEmpty();
    }

    @Test
    void aFactCountsOnItsArrivalAndClosingDaysInTheZone() {
        // 03:30 UTC on 7 March is still 6 March in New York
        WorkFact fact = new WorkFact(Map.of(Dimension.QUEUE, "denials"), BigDecimal.TEN, Instant.parse("2026-03-07T03:30:00Z"),
                null, null, Instant.parse("2026-03-09T15:00:00Z"), false, false, null, Duration.ZERO, 0, false, false, 0, 0);
        List<DailyRollup.Row> rows = new DailyRollup.Change(ZONE).add(fact).rows();
        assertThat(rows.stream().map(DailyRollup.Row::day).distinct()).containsExactly(LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 9));
        assertThat(rows).filteredOn(row -> row.dimension() == Dimension.QUEUE).extracting(DailyRollup.Row::value).containsOnly("denials");
        // per day: the row over everything, one per dimension, and for the one paired dimension the fact has a value of
        // (its queue), one per other dimension; none for the dimensions it has no value of
        assertThat(rows).hasSize(2 * (Dimension.values().length + 1 + (Dimension.values().length - 1)));
    }

    @Test
    void aPairRowCountsExactlyTheFactsOfItsFilterValue() {
        Random random = new Random(9);
        List<WorkFact> facts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            facts.add(fact(random));
        }
        LocalDate day = FIRST.plusDays(2);
        List<DailyRollup.Row> rows = DailyRollup.of(day, ZONE, facts);
        List<DailyRollup.Filter> filters = List.of(new DailyRollup.Filter(Dimension.PAYER, "p1"), new DailyRollup.Filter(Dimension.QUEUE, "q0"),
                new DailyRollup.Filter(Dimension.TEAM, "m1"), new DailyRollup.Filter(Dimension.SITE, "s1"),
                new DailyRollup.Filter(Dimension.TYPE, "t1"), new DailyRollup.Filter(Dimension.SUPPLIER, "u0"),
                new DailyRollup.Filter(Dimension.SPECIALTY, "c1"), new DailyRollup.Filter(Dimension.SOURCE_SYSTEM, "sap"));
        for (DailyRollup.Filter filter : filters) {
            List<WorkFact> matching = facts.stream().filter(fact -> filter.value().equals(fact.value(filter.dimension()))).toList();
            Map<String, String> expected = DailyRollup.of(day, ZONE, matching).stream()
                    .filter(row -> row.filter() == null && row.dimension() != null && row.dimension() != filter.dimension())
                    .collect(Collectors.toMap(row -> row.dimension() + "=" + row.value(), row -> text(row.metrics())));
            Map<String, String> paired = rows.stream().filter(row -> filter.equals(row.filter()))
                    .collect(Collectors.toMap(row -> row.dimension() + "=" + row.value(), row -> text(row.metrics())));
            assertThat(matching).as("facts of %s", filter).isNotEmpty();
            assertThat(paired).as("pair rows of %s", filter).isEqualTo(expected);
        }
        assertThat(rows).noneMatch(row -> row.filter() != null && (row.dimension() == null || row.dimension() == row.filter().dimension()));
        assertThat(rows).noneMatch(row -> row.filter() != null && !DailyRollup.PAIRED.contains(row.filter().dimension()));
        // half the facts have no supplier: they add no pair rows of "no supplier"
        assertThat(facts).anyMatch(fact -> Dimension.NONE.equals(fact.value(Dimension.SUPPLIER)));
        assertThat(rows).noneMatch(row -> row.filter() != null && Dimension.NONE.equals(row.filter().value()));
    }

    @Test
    void oneDimensionOverARangeHoldsTheSameRowsAsEachDayRolledUpWhole() {
        Random random = new Random(11);
        List<WorkFact> facts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            facts.add(fact(random));
        }
        LocalDate from = FIRST.plusDays(1);
        LocalDate to = FIRST.plusDays(4);
        for (Dimension dimension : new Dimension[]{Dimension.PAYER, Dimension.WORKER, null}) {
            Map<DailyRollup.Key, String> expected = new java.util.HashMap<>();
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                DailyRollup.of(day, ZONE, facts).stream().filter(row -> row.filter() == null && row.dimension() == dimension)
                        .forEach(row -> expected.put(row.key(), text(row.metrics())));
            }
            DailyRollup.OneDimension grouped = new DailyRollup.OneDimension(from, to, ZONE, dimension);
            facts.forEach(grouped);
            List<DailyRollup.Row> rows = grouped.rows();
            assertThat(rows.stream().collect(Collectors.toMap(DailyRollup.Row::key, row -> text(row.metrics()))))
                    .as("rows of %s", dimension).isEqualTo(expected);
            // the facts also touch days outside the range: none of them is counted
            assertThat(rows).allMatch(row -> !row.day().isBefore(from) && !row.day().isAfter(to));
        }
    }

    private static WorkFact fact(Random random) {
        Instant received = FIRST.atStartOfDay(ZONE).toInstant().plusSeconds(random.nextInt(5 * 86_400));
        boolean closed = random.nextInt(3) > 0;
        Instant started = random.nextBoolean() ? received.plusSeconds(random.nextInt(40_000)) : null;
        Instant closedAt = closed ? received.plusSeconds(50_000 + random.nextInt(4 * 86_400)) : null;
        return new WorkFact(Map.of(Dimension.QUEUE, "q" + random.nextInt(3), Dimension.PAYER, "p" + random.nextInt(4),
                Dimension.TYPE, "t" + random.nextInt(2),
                Dimension.WORKER, random.nextBoolean() ? "w" + random.nextInt(3) : "", Dimension.SITE, "s" + random.nextInt(2),
                Dimension.TEAM, "m" + random.nextInt(2), Dimension.SUPPLIER, random.nextBoolean() ? "u" + random.nextInt(2) : "",
                Dimension.SPECIALTY, "c" + random.nextInt(3), Dimension.SOURCE_SYSTEM, random.nextBoolean() ? "sap" : "oracle"),
                BigDecimal.valueOf(random.nextInt(100_000), 2), received, started, started, closedAt, closed && random.nextInt(5) == 0,
                closed && random.nextInt(4) == 0, random.nextBoolean() ? received.plusSeconds(3 * 86_400) : null,
                Duration.ofSeconds(random.nextInt(3_600)), random.nextInt(4) == 0 ? 1 : 0, random.nextBoolean(), random.nextBoolean(),
                random.nextInt(3), random.nextInt(2));
    }

    private static String text(DayMetrics metrics) {
        return metrics.toString();
    }
}
