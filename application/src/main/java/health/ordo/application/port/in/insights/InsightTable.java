package health.ordo.application.port.in.insights;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An insight's answer as a table: named columns in order and one map per row, so the API can send it as JSON objects
 * or as CSV with the same columns.
 */
public record InsightTable(String insight, List<String> columns, List<Map<String, Object>> rows) {

    public InsightTable {
        columns = List.copyOf(columns);
        rows = Collections.unmodifiableList(new ArrayList<>(rows));
    }

    /** Builds a table row by row; each row's values in the order of the columns. */
    public static Builder of(String insight, String... columns) {
        return new Builder(insight, List.of(columns));
    }

    public static final class Builder {
        private final String insight;
        private final List<String> columns;
        private final List<Map<String, Object>> rows = new ArrayList<>();

        private Builder(String insight, List<String> columns) {
            this.insight = insight;
            this.columns = columns;
        }

        public Builder row(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException("a row of " + insight + " has " + columns.size() + " values");
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                row.put(columns.get(i), values[i]);
            }
            rows.add(row);
            return this;
        }

        public InsightTable build() {
            return new InsightTable(insight, columns, rows);
        }
    }
}
