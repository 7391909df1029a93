package health.ordo.adapter.persistence.insights;

import health.ordo.domain.insights.Dimension;
import health.ordo.domain.insights.WorkFact;

import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The columns of {@code work_fact} a {@link WorkFact} is read from, and each dimension's column. */
final class FactColumns {

    static final String SELECT = """
            queue, type, team, site, worker, payer, supplier, specialty, source_system, amount, received_at, first_claimed_at,
            started_at, closed_at, cancelled, written_off, deadline_at, held_seconds, reopened, exception, overridden, claims,
            claims_as_proposed""";

    private FactColumns() {
    }

    /**
     * The facts that arrived or closed in a range ({@code [start, end)}), each branch with the same extra conditions:
     * those that arrived in it, then those that closed in it having arrived before it (no fact closes before it
     * arrives), the second found through {@code work_fact_closed_range_idx} without visiting facts that arrived in the
     * range. Parameters: {@link #touchingParams}.
     */
    static String touching(String conditions) {
        return "select " + SELECT + " from work_fact where tenant_id = ? and received_at >= ? and received_at < ?" + conditions
                + " union all select " + SELECT + " from work_fact where tenant_id = ? and closed_at >= ? and closed_at < ?"
                + " and received_at < ?" + conditions;
    }

    static Object[] touchingParams(String tenant, Instant start, Instant end, List<Object> conditionParams) {
        List<Object> params = new ArrayList<>(List.of(tenant, start, end));
        params.addAll(conditionParams);
        params.addAll(List.of(tenant, start, end, start));
        params.addAll(conditionParams);
        return params.toArray();
    }

    /** The column holding a dimension's value (a fixed name from this enum, never caller text). */
    static String column(Dimension dimension) {
        return switch (dimension) {
            case QUEUE -> "queue";
            case TYPE -> "type";
            case TEAM -> "team";
            case SITE -> "site";
            case WORKER -> "worker";
            case PAYER -> "payer";
            case SUPPLIER -> "supplier";
            case SPECIALTY -> "specialty";
            case SOURCE_SYSTEM -> "source_system";
        };
    }

    static WorkFact read(ResultSet rs) throws SQLException {
        Map<Dimension, String> dimensions = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            dimensions.put(dimension, rs.getString(column(dimension)));
        }
        return new WorkFact(dimensions, rs.getBigDecimal("amount"), instant(rs, "received_at"), instant(rs, "first_claimed_at"),
                instant(rs, "started_at"), instant(rs, "closed_at"), rs.getBoolean("cancelled"), rs.getBoolean("written_off"),
                instant(rs, "deadline_at"), Duration.ofSeconds(rs.getLong("held_seconds")), rs.getInt("reopened"),
                rs.getBoolean("exception"), rs.getBoolean("overridden"), rs.getInt("claims"), rs.getInt("claims_as_proposed"));
    }

    /**
     * The fact as the table holds it: its source system the one it is keyed by, instants to the microsecond, the
     * amount to four places, the time on hold in whole seconds. What a saved fact adds to a rollup is then exactly
     * what it takes out when it is replaced.
     */
    static WorkFact asStored(WorkFact fact, String sourceSystem) {
        Map<Dimension, String> dimensions = new EnumMap<>(fact.dimensions());
        dimensions.put(Dimension.SOURCE_SYSTEM, sourceSystem);
        return new WorkFact(dimensions, fact.amount().setScale(4, RoundingMode.HALF_UP), micros(fact.receivedAt()),
                micros(fact.firstClaimedAt()), micros(fact.startedAt()), micros(fact.closedAt()), fact.cancelled(), fact.writtenOff(),
                micros(fact.deadline()), Duration.ofSeconds(fact.held().toSeconds()), fact.reopened(), fact.exception(),
                fact.overridden(), fact.claims(), fact.claimsAsProposed());
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
