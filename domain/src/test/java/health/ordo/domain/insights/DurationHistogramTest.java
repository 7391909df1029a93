package health.ordo.domain.insights;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DurationHistogramTest {

    @Test
    void percentilesReadFromTheBuckets_areWithinTenPercentOfTheExactOnes() {
        long[] counts = new long[DurationHistogram.BUCKETS];
        for (int hours = 1; hours <= 100; hours++) {
            counts[DurationHistogram.bucketOf(Duration.ofHours(hours))]++;
        }
        assertThat(DurationHistogram.percentile(counts, 0.5).toMinutes() / 60.0).isCloseTo(50, within(5.0));
        assertThat(DurationHistogram.percentile(counts, 0.9).toMinutes() / 60.0).isCloseTo(90, within(9.0));
        assertThat(DurationHistogram.percentile(new long[DurationHistogram.BUCKETS], 0.5)).isNull();
        assertThat(DurationHistogram.bucketOf(Duration.ofSeconds(5))).isZero();
        assertThat(DurationHistogram.bucketOf(Duration.ofDays(10_000))).isEqualTo(DurationHistogram.BUCKETS - 1);
    }

    @Test
    void aDaysRollup_countsArrivalsOnTheirDay_andCompletionsOnTheirs() {
        LocalDate day = LocalDate.of(2026, 11, 2);
        Instant morning = Instant.parse("2026-11-02T08:00:00Z");
        WorkFact arrivedAndDone = new WorkFact(Map.of(Dimension.QUEUE, "denials", Dimension.PAYER, "aetna"),
                new BigDecimal("100"), morning, morning.plusSeconds(600), morning.plusSeconds(900), morning.plusSeconds(4500),
                false, false, morning.plusSeconds(3600), Duration.ZERO, 0, false, false, 1, 1);
        WorkFact olderDoneToday = new WorkFact(Map.of(Dimension.QUEUE, "denials"), new BigDecimal("50"),
                morning.minus(Duration.ofDays(3)), null, morning.minus(Duration.ofDays(2)), morning.plusSeconds(60),
                false, true, null, Duration.ofHours(5), 1, true, true, 2, 0);
        WorkFact stillOpen = new WorkFact(Map.of(Dimension.QUEUE, "holds"), null, morning.minus(Duration.ofDays(1)),
                null, null, null, false, false, null, null, 0, false, false, 0, 0);

        List<DailyRollup.Row> rows = DailyRollup.of(day, ZoneOffset.UTC, List.of(arrivedAndDone, olderDoneToday, stillOpen));

        DayMetrics all = rows.stream().filter(r -> r.dimension() == null).findFirst().orElseThrow().metrics();
        assertThat(all.arrivals).isEqualTo(1);
        assertThat(all.completions).isEqualTo(2);
        assertThat(all.withDeadline).isEqualTo(1);
        assertThat(all.met).isZero();
        assertThat(all.reopened).isEqualTo(1);
        assertThat(all.firstPass).isEqualTo(1);
        assertThat(all.claims).isEqualTo(3);
        assertThat(all.claimsAsProposed).isEqualTo(1);
        assertThat(all.writtenOffAmount).isEqualByComparingTo("50");
        assertThat(all.recoveredAmount).isEqualByComparingTo("100");
        assertThat(rows).filteredOn(r -> r.filter() == null && r.dimension() == Dimension.PAYER).extracting(DailyRollup.Row::value)
                .containsExactlyInAnyOrder("aetna", Dimension.NONE);
        assertThat(rows).noneMatch(r -> "holds".equals(r.value()));
        assertThat(olderDoneToday.touchTime()).isEqualTo(Duration.ofDays(2).plusSeconds(60).minusHours(5));
    }
}
