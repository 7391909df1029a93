package health.ordo.domain.insights;

import java.time.LocalDate;
import java.util.List;

/**
 * A forecast of daily arrivals: the model chosen with the terms it kept, one row per future day with 80 % and 95 %
 * prediction intervals, and the backtest of the same procedure on the last four weeks of history.
 *
 * @param method {@code SEASONAL_REGRESSION} when a seasonal term (weekday, month-end, holiday, month of year) proved
 *               significant, {@code LEVEL} otherwise (a mean, with a trend only when the trend is significant)
 * @param terms  the terms kept, e.g. {@code [trend, weekday, month-end]}
 */
public record ArrivalForecast(String method, List<String> terms, int historyDays, List<Day> days, Backtest backtest) {

    public ArrivalForecast {
        terms = List.copyOf(terms);
        days = List.copyOf(days);
    }

    /** One forecast day: the expected count and its prediction intervals (never below 0). */
    public record Day(LocalDate date, double expected, double lower80, double upper80, double lower95, double upper95) {
    }

    /**
     * The procedure refitted without the last {@code days} days and scored on them against a seasonal-naive forecast
     * (each held-out day takes the count of the same weekday in the last week before the hold-out).
     *
     * @param mase the model's mean absolute error divided by the seasonal-naive one; below 1 the model beats
     *             seasonal-naive, null when seasonal-naive is exact (a flat or perfectly weekly series: nothing to beat)
     */
    public record Backtest(int days, double mae, double seasonalNaiveMae, Double mase) {

        public boolean beatsSeasonalNaive() {
            return mase != null && mase < 1;
        }
    }

    public double total() {
        return days.stream().mapToDouble(Day::expected).sum();
    }
}
