package health.ordo.domain.insights;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One day's rollup rows from the facts that touch it (arrived or closed that day, in the given zone): one row for
 * everything, and one per value of each {@link Dimension}, so a read grouped by any one dimension sums a few rows per
 * day instead of scanning facts.
 */
public final class DailyRollup {

    private DailyRollup() {
    }

    /** A rollup row: {@code dimension} null for the row over everything (its value is empty). */
    public record Row(LocalDate day, Dimension dimension, String value, DayMetrics metrics) {
    }

    public static List<Row> of(LocalDate day, ZoneId zone, Iterable<WorkFact> facts) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (WorkFact fact : facts) {
            boolean arrived = fact.receivedAt().atZone(zone).toLocalDate().equals(day);
            boolean closed = fact.closedAt() != null && fact.closedAt().atZone(zone).toLocalDate().equals(day);
            if (!arrived && !closed) {
                continue;
            }
            List<Row> touched = new ArrayList<>();
            touched.add(rows.computeIfAbsent("", key -> new Row(day, null, "", new DayMetrics())));
            for (Dimension dimension : Dimension.values()) {
                String value = fact.value(dimension);
                touched.add(rows.computeIfAbsent(dimension.name() + '\u0000' + value,
                        key -> new Row(day, dimension, value, new DayMetrics())));
            }
            for (Row row : touched) {
                if (arrived) {
                    row.metrics().arrived(fact);
                }
                if (closed) {
                    row.metrics().closed(fact);
                }
            }
        }
        return List.copyOf(rows.values());
    }
}
