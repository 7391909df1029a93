package health.ordo.application.port.in.insights;

import health.ordo.domain.insights.Dimension;
import health.ordo.domain.shared.InvalidValueException;

import java.time.LocalDate;
import java.util.Map;

/**
 * What an insight is asked for: the days (inclusive, in the insights time zone), the dimension to group by (null: one
 * row over everything), filters (dimension = value), and whether to split by period.
 */
public record InsightRequest(LocalDate from, LocalDate to, Dimension groupBy, Map<Dimension, String> where, Period period) {

    /** Periods an insight can be split into; NONE sums the whole range. */
    public enum Period { NONE, DAY, WEEK, MONTH }

    public static final int MAX_DAYS = 3 * 366;

    public InsightRequest {
        InvalidValueException.require(from != null, "from", "from is required");
        InvalidValueException.require(to != null, "to", "to is required");
        InvalidValueException.require(!to.isBefore(from), "to", "to lies before from");
        InvalidValueException.require(to.toEpochDay() - from.toEpochDay() < MAX_DAYS, "from", "a range covers at most " + MAX_DAYS + " days");
        where = where == null ? Map.of() : Map.copyOf(where);
        period = period == null ? Period.NONE : period;
    }
}
