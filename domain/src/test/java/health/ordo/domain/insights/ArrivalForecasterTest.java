package health.ordo.domain.insights;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ArrivalForecasterTest {

    private static final LocalDate START = LocalDate.of(2025, 12, 1); // a Monday
    private static final double[] WEEK = {100, 90, 85, 80, 70, 10, 5};

    private final ArrivalForecaster forecaster = new ArrivalForecaster();

    @Test
    void aWeeklySeries_isForecastWithItsWeekdays_andBeatsSeasonalNaive() {
        Random random = new Random(7);
        Map<LocalDate, Double> counts = new HashMap<>();
        for (int i = 0; i < 364; i++) {
            LocalDate day = START.plusDays(i);
            counts.put(day, Math.max(0, WEEK[day.getDayOfWeek().getValue() - 1] + random.nextGaussian() * 6));
        }
        DailySeries history = DailySeries.of(START, START.plusDays(363), counts);

        ArrivalForecast forecast = forecaster.forecast(history, 14, Set.of());

        assertThat(forecast.method()).isEqualTo("SEASONAL_REGRESSION");
        assertThat(forecast.terms()).contains("weekday");
        assertThat(forecast.backtest().mase()).isLessThan(1.0);
        assertThat(forecast.backtest().beatsSeasonalNaive()).isTrue();
        assertThat(forecast.days()).hasSize(14);
        for (ArrivalForecast.Day day : forecast.days()) {
            double truth = WEEK[day.date().getDayOfWeek().getValue() - 1];
            assertThat(day.expected()).isCloseTo(truth, within(6.0));
            assertThat(day.lower95()).isLessThanOrEqualTo(day.lower80());
            assertThat(day.lower80()).isLessThanOrEqualTo(day.expected());
            assertThat(day.upper80()).isGreaterThanOrEqualTo(day.expected()).isLessThanOrEqualTo(day.upper95());
            assertThat(truth).isBetween(day.lower95(), day.upper95());
        }
        assertThat(forecast.days().get(0).date()).isEqualTo(START.plusDays(364));
    }

    @Test
    void aFlatSeries_isALevel_andClaimsNoSkillOverSeasonalNaive() {
        Map<LocalDate, Double> counts = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            counts.put(START.plusDays(i), 12.0);
        }
        ArrivalForecast forecast = forecaster.forecast(DailySeries.of(START, START.plusDays(199), counts), 7, Set.of());

        assertThat(forecast.method()).isEqualTo("LEVEL");
        assertThat(forecast.terms()).isEmpty();
        assertThat(forecast.days()).allSatisfy(day -> assertThat(day.expected()).isEqualTo(12.0));
        assertThat(forecast.backtest().mase()).isNull();
        assertThat(forecast.backtest().beatsSeasonalNaive()).isFalse();
    }

    @Test
    void noiseWithoutAWeeklyRhythm_isNotDressedUpAsSeasonal() {
        Random random = new Random(11);
        Map<LocalDate, Double> counts = new HashMap<>();
        for (int i = 0; i < 364; i++) {
            counts.put(START.plusDays(i), 50 + random.nextGaussian() * 5);
        }
        ArrivalForecast forecast = forecaster.forecast(DailySeries.of(START, START.plusDays(363), counts), 7, Set.of());

        assertThat(forecast.terms()).doesNotContain("weekday");
        assertThat(forecast.method()).isEqualTo("LEVEL");
        double monday = forecast.days().stream().filter(d -> d.date().getDayOfWeek() == DayOfWeek.MONDAY).findFirst().orElseThrow().expected();
        double saturday = forecast.days().stream().filter(d -> d.date().getDayOfWeek() == DayOfWeek.SATURDAY).findFirst().orElseThrow().expected();
        assertThat(monday).isCloseTo(saturday, within(1.0));
    }

    @Test
    void holidaysOfTheCalendar_areForecastLow() {
        Random random = new Random(3);
        Set<LocalDate> holidays = new HashSet<>();
        Map<LocalDate, Double> counts = new HashMap<>();
        for (int i = 0; i < 364; i++) {
            LocalDate day = START.plusDays(i);
            boolean holiday = i % 30 == 10 && day.getDayOfWeek().getValue() <= 5;
            if (holiday) {
                holidays.add(day);
            }
            counts.put(day, holiday ? 0 : Math.max(0, WEEK[day.getDayOfWeek().getValue() - 1] + random.nextGaussian() * 4));
        }
        LocalDate nextMonday = START.plusDays(364);
        holidays.add(nextMonday);

        ArrivalForecast forecast = forecaster.forecast(DailySeries.of(START, START.plusDays(363), counts), 8, holidays);

        assertThat(forecast.terms()).contains("holiday");
        assertThat(forecast.days().get(0).expected()).isLessThan(15);
        assertThat(forecast.days().get(7).expected()).isCloseTo(100, within(8.0));
    }

    @Test
    void aShortHistory_isForecastAsItsMean_withoutABacktest() {
        Map<LocalDate, Double> counts = Map.of(START, 4.0, START.plusDays(1), 6.0);
        ArrivalForecast forecast = forecaster.forecast(DailySeries.of(START, START.plusDays(9), counts), 3, Set.of());

        assertThat(forecast.backtest()).isNull();
        assertThat(forecast.days()).allSatisfy(day -> assertThat(day.expected()).isEqualTo(1.0));
    }
}
