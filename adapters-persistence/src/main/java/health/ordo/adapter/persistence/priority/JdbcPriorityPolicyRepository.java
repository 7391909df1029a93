package health.ordo.adapter.persistence.priority;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.out.priority.PriorityPolicyPort;
import health.ordo.domain.priority.PolicyStatus;
import health.ordo.domain.priority.PriorityPolicy;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Policy versions in PostgreSQL; a partial unique index keeps one active version per policy and per type. */
@Singleton
class JdbcPriorityPolicyRepository implements PriorityPolicyPort {

    private static final String COLUMNS = """
            tenant_id, policy_id, version, applies_to, status, description, definition::text as definition, created_at,
            created_by, activated_at""";

    private final JdbcOperations jdbc;
    private final PolicyJson json;

    JdbcPriorityPolicyRepository(JdbcOperations jdbc, PolicyJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<PriorityPolicy> loadAll(TenantId tenant) {
        return query("select " + COLUMNS + " from priority_policy_version where tenant_id = ? order by policy_id, version desc",
                tenant.value());
    }

    @Override
    public List<PriorityPolicy> loadActive(TenantId tenant) {
        return query("select " + COLUMNS + " from priority_policy_version where tenant_id = ? and status = 'ACTIVE'",
                tenant.value());
    }

    @Override
    public Optional<PriorityPolicy> load(TenantId tenant, String policyId, int version) {
        return query("select " + COLUMNS + " from priority_policy_version where tenant_id = ? and policy_id = ? and version = ?",
                tenant.value(), policyId, version).stream().findFirst();
    }

    @Override
    public int latestVersion(TenantId tenant, String policyId) {
        return Sql.prepare(jdbc, "select coalesce(max(version), 0) from priority_policy_version where tenant_id = ? and policy_id = ?",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setString(2, policyId);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                });
    }

    @Override
    public void insert(PriorityPolicy policy) {
        String sql = """
                insert into priority_policy_version (tenant_id, policy_id, version, applies_to, status, description,
                    definition, created_at, created_by, activated_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""";
        Sql.prepare(jdbc, sql, statement -> {
            statement.setString(1, policy.tenant().value());
            statement.setString(2, policy.policyId());
            statement.setInt(3, policy.version());
            statement.setString(4, policy.appliesTo() == null ? null : policy.appliesTo().name());
            statement.setString(5, policy.status().name());
            statement.setString(6, policy.description());
            statement.setString(7, json.write(policy.definition()));
            statement.setObject(8, policy.createdAt().atOffset(ZoneOffset.UTC));
            statement.setString(9, policy.createdBy());
            statement.setObject(10, policy.activatedAt() == null ? null : policy.activatedAt().atOffset(ZoneOffset.UTC));
            return statement.executeUpdate();
        });
    }

    @Override
    public void activate(TenantId tenant, String policyId, int version, Instant at) {
        // Retire whatever is active for the same policy or the same type first, so the unique indexes hold throughout.
        String retire = """
                update priority_policy_version set status = 'RETIRED'
                where tenant_id = ? and status = 'ACTIVE' and (policy_id = ? or coalesce(applies_to, '*') =
                    (select coalesce(applies_to, '*') from priority_policy_version where tenant_id = ? and policy_id = ? and version = ?))""";
        Sql.prepare(jdbc, retire, statement -> {
            statement.setString(1, tenant.value());
            statement.setString(2, policyId);
            statement.setString(3, tenant.value());
            statement.setString(4, policyId);
            statement.setInt(5, version);
            return statement.executeUpdate();
        });
        Sql.prepare(jdbc, "update priority_policy_version set status = 'ACTIVE', activated_at = ? "
                + "where tenant_id = ? and policy_id = ? and version = ?", statement -> {
            statement.setObject(1, at.atOffset(ZoneOffset.UTC));
            statement.setString(2, tenant.value());
            statement.setString(3, policyId);
            statement.setInt(4, version);
            return statement.executeUpdate();
        });
    }

    private List<PriorityPolicy> query(String sql, Object... params) {
        return Sql.prepare(jdbc, sql, (PreparedStatement statement) -> {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<PriorityPolicy> result = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.add(map(rs));
                }
            }
            return result;
        });
    }

    private PriorityPolicy map(ResultSet rs) throws SQLException {
        String appliesTo = rs.getString("applies_to");
        OffsetDateTime activated = rs.getObject("activated_at", OffsetDateTime.class);
        return new PriorityPolicy(rs.getString("policy_id"), new TenantId(rs.getString("tenant_id")),
                appliesTo == null ? null : WorkItemType.valueOf(appliesTo), rs.getInt("version"),
                PolicyStatus.valueOf(rs.getString("status")), rs.getString("description"), json.read(rs.getString("definition")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
                activated == null ? null : activated.toInstant());
    }
}
