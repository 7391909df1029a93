package health.ordo.adapter.persistence.workitem;

import health.ordo.adapter.persistence.Sql;
import health.ordo.adapter.persistence.routing.RoutingJson;
import health.ordo.domain.score.PriorityOverride;
import health.ordo.domain.score.PriorityScore;
import health.ordo.domain.score.ScoreBasis;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.Provenance;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.SlaSummary;
import health.ordo.domain.workitem.ItemRouting;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemId;
import health.ordo.domain.workitem.WorkItemStatus;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A work item's row read back into the aggregate: the columns every read selects, and the statements that select them
 * for the repository, the claims, the search and the rescoring rounds.
 */
@Singleton
class WorkItemRows {

    static final String COLUMNS = """
            id, tenant_id, type, source_system, external_id, content_fingerprint, title, amount, currency, due_at,
            hard_deadline_at, attributes::text as attributes, requested_queue, queue, assignee, status, status_reason,
            resolution_code, priority_score, created_at, updated_at, version, score_computed, score_policy_id,
            score_policy_version, score_likelihood, score_likelihood_basis, score_degraded_reason, scored_at,
            priority_override::text as priority_override, skill_requirements::text as skill_requirements, size, claimed_at,
            sla_boost, sla_state, sla_deadline_at, provenance, provenance_name""";

    /** Sort key of the backlog; must match the expression in the backlog indexes. */
    static final String DEADLINE_KEY = "coalesce(deadline_at, 'infinity'::timestamptz)";

    static final String OPEN = "status not in ('COMPLETED', 'CANCELLED')";

    private final JdbcOperations jdbc;
    private final FlatJson json;
    private final ScoreJson scoreJson;
    private final RoutingJson routingJson;

    WorkItemRows(JdbcOperations jdbc, FlatJson json, ScoreJson scoreJson, RoutingJson routingJson) {
        this.jdbc = jdbc;
        this.json = json;
        this.scoreJson = scoreJson;
        this.routingJson = routingJson;
    }

    /** When maintenance must look at the override again: at its expiry, unless it already ended. */
    static Instant overrideDue(WorkItem item) {
        PriorityOverride override = item.priorityOverride();
        return override == null || override.status() == PriorityOverride.Status.EXPIRED ? null : override.expiresAt();
    }

    /** Items of {@code select <columns> from work_item <tail>}. */
    List<WorkItem> selectWhere(String tail, List<Object> params) {
        return query("select " + COLUMNS + " from work_item " + tail, params.toArray());
    }

    List<WorkItem> query(String sql, Object... params) {
        return Sql.prepare(jdbc, sql, statement -> {
            Sql.bind(statement, params);
            return readAll(statement);
        });
    }

    Optional<WorkItem> queryOne(String sql, Object... params) {
        List<WorkItem> rows = query(sql, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private List<WorkItem> readAll(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            return readAll(rs);
        }
    }

    List<WorkItem> readAll(ResultSet rs) throws SQLException {
        List<WorkItem> items = new ArrayList<>();
        while (rs.next()) {
            items.add(map(rs));
        }
        return items;
    }

    private WorkItem map(ResultSet rs) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("amount");
        WorkItemContent content = new WorkItemContent(
                WorkItemType.valueOf(rs.getString("type")),
                new SourceReference(rs.getString("source_system"), rs.getString("external_id")),
                rs.getString("title"),
                amount == null ? null : new Money(amount, rs.getString("currency")),
                instant(rs, "due_at"),
                instant(rs, "hard_deadline_at"),
                new Attributes(json.read(rs.getString("attributes"))),
                rs.getString("requested_queue"));
        return WorkItem.restore(
                new WorkItemId(rs.getObject("id", UUID.class)),
                new TenantId(rs.getString("tenant_id")),
                content,
                rs.getString("content_fingerprint"),
                instant(rs, "created_at"),
                rs.getLong("version"),
                WorkItemStatus.valueOf(rs.getString("status")),
                rs.getString("queue"),
                rs.getString("assignee"),
                new PriorityScore(rs.getBigDecimal("priority_score")),
                basis(rs),
                scoreJson.readOverride(rs.getString("priority_override")),
                new ItemRouting(routingJson.readSkills(rs.getString("skill_requirements")), rs.getInt("size"),
                        instant(rs, "claimed_at"), rs.getBigDecimal("sla_boost")),
                new SlaSummary(rs.getString("sla_state"), instant(rs, "sla_deadline_at")),
                rs.getString("status_reason"),
                rs.getString("resolution_code"),
                instant(rs, "updated_at"),
                new Provenance(Provenance.Channel.valueOf(rs.getString("provenance")), rs.getString("provenance_name")));
    }

    private static ScoreBasis basis(ResultSet rs) throws SQLException {
        BigDecimal computed = rs.getBigDecimal("score_computed");
        if (computed == null) {
            return null;
        }
        return new ScoreBasis(new PriorityScore(computed), rs.getString("score_policy_id"), rs.getInt("score_policy_version"),
                instant(rs, "scored_at"), rs.getBigDecimal("score_likelihood"), rs.getString("score_likelihood_basis"),
                rs.getString("score_degraded_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setObject(index, value == null ? null : value.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }
}
