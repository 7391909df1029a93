package health.ordo.domain.insights;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AnomalyDetectorTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    /** Mondays bring 40 ± 3, other days 10: a Monday of 45 is ordinary, a Monday of 90 is not, a Tuesday of 40 is not either. */
    @Test
    void aDayIsComparedWithTheSameWeekday_robustlyAgainstOneOddWeek() {
        Map<LocalDate, Double> counts = new HashMap<>();
        double[] mondays = {40, 43, 37, 41, 39, 120, 42, 38};
        for (int week = 1; week <= 8; week++) {
            counts.put(MONDAY.minusWeeks(week), mondays[week - 1]);
            for (int d = 1; d < 7; d++) {
                counts.put(MONDAY.minusWeeks(week).plusDays(d), 10.0);
            }
        }
        DailySeries series = DailySeries.of(MONDAY.minusWeeks(8), MONDAY.minusDays(1), counts);

        AnomalyDetector.Baseline monday = AnomalyDetector.sameWeekday(series, MONDAY, Set.of(), 8, true).orElseThrow();
        assertThat(monday.expected()).isEqualTo(40.5);
        assertThat(AnomalyDetector.check(45, monday, AnomalyDetector.Direction.UP, 4, 5)).isEmpty();
        assertThat(AnomalyDetector.check(90, monday, AnomalyDetector.Direction.UP, 4, 5)).hasValueSatisfying(f ->
                assertThat(f.score()).isGreaterThan(4));
        assertThat(AnomalyDetector.check(90, monday, AnomalyDetector.Direction.DOWN, 4, 5)).isEmpty();

        AnomalyDetector.Baseline tuesday = AnomalyDetector.sameWeekday(series, MONDAY.plusDays(1), Set.of(), 8, true).orElseThrow();
        assertThat(AnomalyDetector.check(40, tuesday, AnomalyDetector.Direction.UP, 4, 5)).isPresent();
        assertThat(AnomalyDetector.check(14, tuesday, AnomalyDetector.Direction.UP, 4, 5)).isEmpty();
    }

    @Test
    void aDropInAttainment_isFound_andTooLittleHistoryGivesNoBaseline() {
        AnomalyDetector.Baseline attainment = AnomalyDetector.baseline(List.of(96.0, 95.0, 97.0, 94.0, 96.0, 95.5, 96.5), false).orElseThrow();
        assertThat(AnomalyDetector.check(70, attainment, AnomalyDetector.Direction.DOWN, 4, 5)).isPresent();
        assertThat(AnomalyDetector.check(93, attainment, AnomalyDetector.Direction.DOWN, 4, 5)).isEmpty();
        assertThat(AnomalyDetector.baseline(List.of(1.0, 2.0, 3.0), true)).isEmpty();
    }
}
