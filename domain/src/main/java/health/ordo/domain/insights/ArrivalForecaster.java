package health.ordo.domain.insights;

import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Forecasts daily arrivals with a linear model fitted by least squares (Commons Math): a level, a trend, the day of
 * the week, the last three days of a month, holidays of the business calendar, and the month of the year once two
 * years of history exist. Each group of terms stays only when an F-test finds it significant at 1 %, so a series
 * without a weekly rhythm is forecast as a level and a pure-noise series is not dressed up as seasonal. Prediction
 * intervals come from the residual spread and the leverage of the forecast day (Student's t).
 *
 * <p>Every forecast carries a backtest: the same procedure refitted without the last 28 days and compared on them
 * with a seasonal-naive forecast (MASE, see {@link ArrivalForecast.Backtest}).
 */
public final class ArrivalForecaster {

    public static final int BACKTEST_DAYS = 28;
    private static final int MIN_DAYS_FOR_MODEL = 21;
    private static final int YEARLY_FROM_DAYS = 730;
    private static final double SIGNIFICANCE = 0.01;

    /** Groups of terms the model may keep; the level is always in. */
    enum Term {
        TREND("trend"), WEEKDAY("weekday"), MONTH_END("month-end"), HOLIDAY("holiday"), MONTH_OF_YEAR("month-of-year");

        final String label;

        Term(String label) {
            this.label = label;
        }
    }

    public ArrivalForecast forecast(DailySeries history, int horizonDays, Set<LocalDate> holidays) {
        if (horizonDays < 1 || horizonDays > 366) {
            throw new IllegalArgumentException("a forecast covers 1 to 366 days");
        }
        Set<LocalDate> offDays = holidays == null ? Set.of() : holidays;
        Model model = fit(window(history), offDays);
        List<ArrivalForecast.Day> days = new ArrayList<>();
        LocalDate first = history.start().plusDays(history.length());
        for (int h = 0; h < horizonDays; h++) {
            days.add(model.predict(first.plusDays(h)));
        }
        return new ArrivalForecast(model.method(), model.termLabels(), history.length(), days, backtest(history, offDays));
    }

    /** The last year of history, or the last three years once two exist (for the month-of-year terms). */
    private static DailySeries window(DailySeries history) {
        int keep = history.length() >= YEARLY_FROM_DAYS ? Math.min(history.length(), 1095) : Math.min(history.length(), 365);
        return history.tail(keep);
    }

    private ArrivalForecast.Backtest backtest(DailySeries history, Set<LocalDate> holidays) {
        if (history.length() < BACKTEST_DAYS + MIN_DAYS_FOR_MODEL) {
            return null;
        }
        DailySeries train = history.head(history.length() - BACKTEST_DAYS);
        DailySeries held = history.tail(BACKTEST_DAYS);
        Model model = fit(window(train), holidays);
        double modelError = 0;
        double naiveError = 0;
        int lastWeek = train.length() - 7;
        for (int j = 0; j < BACKTEST_DAYS; j++) {
            double actual = held.value(j);
            modelError += Math.abs(actual - model.predict(held.date(j)).expected());
            naiveError += Math.abs(actual - train.value(lastWeek + j % 7));
        }
        double mae = modelError / BACKTEST_DAYS;
        double naiveMae = naiveError / BACKTEST_DAYS;
        Double mase = naiveMae < 1e-9 ? null : mae / naiveMae;
        return new ArrivalForecast.Backtest(BACKTEST_DAYS, mae, naiveMae, mase);
    }

    Model fit(DailySeries series, Set<LocalDate> holidays) {
        if (series.length() < MIN_DAYS_FOR_MODEL) {
            return Model.level(series);
        }
        EnumSet<Term> candidates = EnumSet.of(Term.TREND, Term.WEEKDAY, Term.MONTH_END);
        if (series.length() >= YEARLY_FROM_DAYS) {
            candidates.add(Term.MONTH_OF_YEAR);
        }
        boolean anyHoliday = false;
        for (int i = 0; i < series.length(); i++) {
            anyHoliday |= holidays.contains(series.date(i));
        }
        if (anyHoliday) {
            candidates.add(Term.HOLIDAY);
        }
        Model full = Model.fit(series, candidates, holidays);
        EnumSet<Term> kept = EnumSet.copyOf(candidates);
        for (Term term : candidates) {
            EnumSet<Term> without = EnumSet.copyOf(candidates);
            without.remove(term);
            if (!full.significantlyBetterThan(Model.fit(series, without, holidays))) {
                kept.remove(term);
            }
        }
        return kept.equals(candidates) ? full : Model.fit(series, kept, holidays);
    }

    /** A fitted linear model over one window of history. */
    static final class Model {
        private final LocalDate origin;
        private final Set<Term> terms;
        private final Set<LocalDate> holidays;
        private final RealVector beta;
        private final RealMatrix covarianceShape;
        private final double sigma;
        private final int degreesOfFreedom;
        private final double residualSquares;
        private final int columns;

        private Model(LocalDate origin, Set<Term> terms, Set<LocalDate> holidays, RealVector beta, RealMatrix covarianceShape,
                      double residualSquares, int rows) {
            this.origin = origin;
            this.terms = terms;
            this.holidays = holidays;
            this.beta = beta;
            this.covarianceShape = covarianceShape;
            this.columns = beta.getDimension();
            this.degreesOfFreedom = Math.max(rows - columns, 1);
            this.residualSquares = residualSquares;
            this.sigma = Math.sqrt(residualSquares / degreesOfFreedom);
        }

        static Model level(DailySeries series) {
            return fit(series, EnumSet.noneOf(Term.class), Set.of());
        }

        static Model fit(DailySeries series, Set<Term> terms, Set<LocalDate> holidays) {
            int rows = series.length();
            if (rows == 0) {
                return new Model(series.start(), Set.of(), holidays, new ArrayRealVector(new double[]{0}),
                        new Array2DRowRealMatrix(new double[][]{{0}}), 0, 1);
            }
            Set<Term> used = terms.isEmpty() ? EnumSet.noneOf(Term.class) : EnumSet.copyOf(terms);
            double[][] x = new double[rows][];
            for (int i = 0; i < rows; i++) {
                x[i] = row(series.start(), series.date(i), used, holidays);
            }
            RealMatrix design = new Array2DRowRealMatrix(x, false);
            RealVector y = new ArrayRealVector(series.values(), false);
            DecompositionSolver solver = new SingularValueDecomposition(design).getSolver();
            RealVector beta = solver.solve(y);
            RealVector residuals = y.subtract(design.operate(beta));
            RealMatrix gram = design.transpose().multiply(design);
            RealMatrix inverse = new SingularValueDecomposition(gram).getSolver().getInverse();
            return new Model(series.start(), used, holidays, beta, inverse, residuals.dotProduct(residuals), rows);
        }

        /** The regressors of one day: level, then each term's columns in a fixed order. */
        static double[] row(LocalDate origin, LocalDate date, Set<Term> terms, Set<LocalDate> holidays) {
            List<Double> values = new ArrayList<>();
            values.add(1.0);
            if (terms.contains(Term.TREND)) {
                values.add((date.toEpochDay() - origin.toEpochDay()) / 365.0);
            }
            if (terms.contains(Term.WEEKDAY)) {
                for (DayOfWeek day : DayOfWeek.values()) {
                    if (day != DayOfWeek.MONDAY) {
                        values.add(date.getDayOfWeek() == day ? 1.0 : 0.0);
                    }
                }
            }
            if (terms.contains(Term.MONTH_END)) {
                values.add(date.lengthOfMonth() - date.getDayOfMonth() < 3 ? 1.0 : 0.0);
            }
            if (terms.contains(Term.HOLIDAY)) {
                values.add(holidays.contains(date) ? 1.0 : 0.0);
            }
            if (terms.contains(Term.MONTH_OF_YEAR)) {
                for (int month = 2; month <= 12; month++) {
                    values.add(date.getMonthValue() == month ? 1.0 : 0.0);
                }
            }
            double[] row = new double[values.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = values.get(i);
            }
            return row;
        }

        /** Whether this (larger) model explains significantly more than the smaller one (F-test at 1 %). */
        boolean significantlyBetterThan(Model smaller) {
            int extra = columns - smaller.columns;
            if (extra <= 0) {
                return false;
            }
            double gain = smaller.residualSquares - residualSquares;
            double scale = Math.max(smaller.residualSquares, 1e-9);
            if (gain <= 1e-9 * scale) {
                return false;
            }
            if (residualSquares <= 1e-12 * scale) {
                return true;
            }
            double f = (gain / extra) / (residualSquares / degreesOfFreedom);
            double p = 1 - new FDistribution(extra, degreesOfFreedom).cumulativeProbability(f);
            return p < SIGNIFICANCE;
        }

        ArrivalForecast.Day predict(LocalDate date) {
            RealVector x = new ArrayRealVector(row(origin, date, terms, holidays), false);
            double expected = Math.max(0, x.dotProduct(beta));
            double spread = sigma * Math.sqrt(1 + Math.max(0, x.dotProduct(covarianceShape.operate(x))));
            TDistribution t = new TDistribution(degreesOfFreedom);
            double t80 = t.inverseCumulativeProbability(0.9);
            double t95 = t.inverseCumulativeProbability(0.975);
            return new ArrivalForecast.Day(date, round(expected), round(Math.max(0, expected - t80 * spread)),
                    round(expected + t80 * spread), round(Math.max(0, expected - t95 * spread)), round(expected + t95 * spread));
        }

        String method() {
            return terms.stream().anyMatch(term -> term != Term.TREND) ? "SEASONAL_REGRESSION" : "LEVEL";
        }

        List<String> termLabels() {
            return terms.stream().map(term -> term.label).toList();
        }

        private static double round(double value) {
            return Math.round(value * 100) / 100.0;
        }
    }
}
