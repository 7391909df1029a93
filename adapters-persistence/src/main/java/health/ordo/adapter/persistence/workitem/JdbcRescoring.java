package health.ordo.adapter.persistence.workitem;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.out.priority.RescoringPort;
import health.ordo.domain.score.ScoreBasis;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static health.ordo.adapter.persistence.workitem.WorkItemRows.COLUMNS;
import static health.ordo.adapter.persistence.workitem.WorkItemRows.OPEN;
import static health.ordo.adapter.persistence.workitem.WorkItemRows.setInstant;

/** The rescoring rounds' reads and writes: open items scored before a time, overrides due, and new scores in one statement. */
@Singleton
class JdbcRescoring implements RescoringPort {

    private final JdbcOperations jdbc;
    private final WorkItemRows rows;
    private final ScoreJson scoreJson;

    JdbcRescoring(JdbcOperations jdbc, WorkItemRows rows, ScoreJson scoreJson) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.scoreJson = scoreJson;
    }

    @Override
    public List<TenantId> tenantsScoredBefore(Instant scoredBefore) {
        return Sql.query(jdbc, "select t.id from tenant t cross join lateral (select min(scored_at) oldest from work_item where tenant_id"
                + " = t.id and " + OPEN + ") o where o.oldest < ? order by o.oldest", rs -> new TenantId(rs.getString(1)), scoredBefore.atOffset(ZoneOffset.UTC));
    }

    @Override
    public List<WorkItem> claimScoredBefore(TenantId tenant, Instant scoredBefore, int limit) {
        return rows.query("select " + COLUMNS + " from work_item where tenant_id = ? and " + OPEN
                + " and scored_at < ? order by scored_at limit ? for update skip locked",
                tenant.value(), scoredBefore.atOffset(ZoneOffset.UTC), limit);
    }

    @Override
    public List<TenantId> tenantsWithOverridesDue(Instant now) {
        return Sql.query(jdbc, "select tenant_id from work_item where override_expires_at <= ? group by tenant_id"
                + " order by min(override_expires_at)", rs -> new TenantId(rs.getString(1)), now.atOffset(ZoneOffset.UTC));
    }

    @Override
    public List<WorkItem> claimOverridesDue(TenantId tenant, Instant now, int limit) {
        return rows.query("select " + COLUMNS + " from work_item where tenant_id = ? and override_expires_at <= ?"
                + " order by override_expires_at limit ? for update skip locked", tenant.value(), now.atOffset(ZoneOffset.UTC), limit);
    }

    @Override
    public long countScoredBefore(TenantId tenant, Instant scoredBefore) {
        return Sql.prepare(jdbc, "select count(*) from work_item where tenant_id = ? and " + OPEN + " and scored_at < ?",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, scoredBefore.atOffset(ZoneOffset.UTC));
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    @Override
    public void saveScores(List<WorkItem> items, Instant scoredAt) {
        if (items.isEmpty()) {
            return;
        }
        // One statement per batch: the rows travel as parallel arrays and are joined back by key.
        String sql = "update work_item w set priority_score = v.score::numeric, score_computed = v.computed::numeric,"
                + " score_policy_id = v.policy, score_policy_version = v.version::integer,"
                + " score_likelihood = v.likelihood::numeric, score_likelihood_basis = v.basis, score_degraded_reason = v.degraded,"
                + " scored_at = ?, priority_override = v.override::jsonb, override_expires_at = v.due::timestamptz"
                + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::text[], ?::text[]) as v(tenant_id, id, score, computed, policy, version, likelihood, basis, degraded, override, due)"
                + " where w.tenant_id = v.tenant_id and w.id = v.id::uuid";
        int n = items.size();
        String[][] columns = new String[11][n];
        for (int k = 0; k < n; k++) {
            WorkItem item = items.get(k);
            ScoreBasis basis = item.scoreBasis();
            Instant due = WorkItemRows.overrideDue(item);
            columns[0][k] = item.tenantId().value();
            columns[1][k] = item.id().toString();
            columns[2][k] = item.priorityScore().value().toPlainString();
            columns[3][k] = basis == null ? null : basis.computedScore().value().toPlainString();
            columns[4][k] = basis == null ? null : basis.policyId();
            columns[5][k] = basis == null ? null : Integer.toString(basis.policyVersion());
            columns[6][k] = basis == null ? null : basis.likelihood().toPlainString();
            columns[7][k] = basis == null ? null : basis.likelihoodBasis();
            columns[8][k] = basis == null ? null : basis.degradedReason();
            columns[9][k] = item.priorityOverride() == null ? null : scoreJson.write(item.priorityOverride());
            columns[10][k] = due == null ? null : due.toString();
        }
        Sql.prepare(jdbc, sql, statement -> {
            setInstant(statement, 1, scoredAt);
            for (int c = 0; c < columns.length; c++) {
                statement.setArray(c + 2, statement.getConnection().createArrayOf("text", columns[c]));
            }
            return statement.executeUpdate();
        });
    }

    @Override
    public List<WorkItem> loadOpen(TenantId tenant, WorkItemType type, int limit) {
        return type == null
                ? rows.query("select " + COLUMNS + " from work_item where tenant_id = ? and " + OPEN + " limit ?", tenant.value(), limit)
                : rows.query("select " + COLUMNS + " from work_item where tenant_id = ? and type = ? and " + OPEN + " limit ?",
                tenant.value(), type.name(), limit);
    }

    @Override
    public List<WorkItem> loadOpenInQueue(TenantId tenant, String queue, WorkItemType type, int limit) {
        String sql = "select " + COLUMNS + " from work_item where tenant_id = ? and queue = ? and " + OPEN;
        return type == null ? rows.query(sql + " limit ?", tenant.value(), queue, limit)
                : rows.query(sql + " and type = ? limit ?", tenant.value(), queue, type.name(), limit);
    }
}
