package health.ordo.adapter.persistence.approval;

import health.ordo.adapter.persistence.Sql;
import health.ordo.adapter.persistence.TextMapJson;
import health.ordo.adapter.persistence.secret.SecretBox;
import health.ordo.application.port.out.approval.ApprovalPort;
import health.ordo.domain.approval.ApprovalKind;
import health.ordo.domain.approval.ApprovalRequest;
import health.ordo.domain.approval.ApprovalSettings;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@code approval_settings} and {@code approval_request}; secret parameters sealed by {@link SecretBox}. */
@Singleton
class JdbcApprovals implements ApprovalPort {

    private final JdbcOperations jdbc;
    private final TextMapJson json;
    private final SecretBox box;

    JdbcApprovals(JdbcOperations jdbc, TextMapJson json, SecretBox box) {
        this.jdbc = jdbc;
        this.json = json;
        this.box = box;
    }

    @Override
    public Optional<ApprovalSettings> settings(TenantId tenant) {
        return Sql.query(jdbc, "select * from approval_settings where tenant_id = ?", rs -> {
            BigDecimal threshold = rs.getBigDecimal("write_off_threshold");
            Array required = rs.getArray("required");
            Set<ApprovalKind> kinds = EnumSet.noneOf(ApprovalKind.class);
            Arrays.stream((String[]) required.getArray()).map(ApprovalKind::valueOf).forEach(kinds::add);
            return new ApprovalSettings(tenant, threshold == null ? null : new Money(threshold, rs.getString("write_off_currency")), kinds);
        }, tenant.value()).stream().findFirst();
    }

    @Override
    public void saveSettings(ApprovalSettings s) {
        Sql.prepare(jdbc, """
                insert into approval_settings (tenant_id, write_off_threshold, write_off_currency, required, updated_at)
                values (?, ?, ?, ?, now())
                on conflict (tenant_id) do update set write_off_threshold = excluded.write_off_threshold,
                    write_off_currency = excluded.write_off_currency, required = excluded.required, updated_at = now()""", statement -> {
            statement.setString(1, s.tenant().value());
            statement.setBigDecimal(2, s.writeOffThreshold() == null ? null : s.writeOffThreshold().value());
            statement.setString(3, s.writeOffThreshold() == null ? null : s.writeOffThreshold().currency());
            statement.setArray(4, statement.getConnection().createArrayOf("text",
                    s.required().stream().map(Enum::name).sorted().toArray()));
            return statement.executeUpdate();
        });
    }

    @Override
    public void insert(ApprovalRequest r) {
        Map<String, String> plain = new TreeMap<>();
        Map<String, String> secrets = new TreeMap<>();
        r.parameters().forEach((name, value) -> (name.startsWith(ApprovalRequest.SECRET_PREFIX) ? secrets : plain).put(name, value));
        Sql.update(jdbc, """
                insert into approval_request (tenant_id, id, kind, subject, summary, parameters, sealed_secrets, requested_by, requested_at,
                    status, decided_by, decided_at, note, outcome)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)""",
                r.tenant().value(), r.id(), r.kind().name(), r.subject(), r.summary(), json.write(plain),
                secrets.isEmpty() ? null : box.seal(json.write(secrets), owner(r.tenant(), r.id())), r.requestedBy(), r.requestedAt(),
                r.status().name(), r.decidedBy(), r.decidedAt(), r.note(), r.outcome());
    }

    @Override
    public void update(ApprovalRequest r) {
        // the decision only: what was requested never changes, and a decided request keeps no secrets
        Sql.update(jdbc, """
                update approval_request set status = ?, decided_by = ?, decided_at = ?, note = ?, outcome = ?,
                    sealed_secrets = case when ? = 'PENDING' then sealed_secrets end
                where tenant_id = ? and id = ?""",
                r.status().name(), r.decidedBy(), r.decidedAt(), r.note(), r.outcome(), r.status().name(), r.tenant().value(), r.id());
    }

    @Override
    public Optional<ApprovalRequest> lock(TenantId tenant, UUID id) {
        return Sql.query(jdbc, "select * from approval_request where tenant_id = ? and id = ? for update", rs -> row(rs, true),
                tenant.value(), id).stream().findFirst();
    }

    @Override
    public Optional<ApprovalRequest> find(TenantId tenant, UUID id) {
        return Sql.query(jdbc, "select * from approval_request where tenant_id = ? and id = ?", rs -> row(rs, false),
                tenant.value(), id).stream().findFirst();
    }

    @Override
    public List<ApprovalRequest> list(TenantId tenant, ApprovalRequest.Status status, int limit) {
        return Sql.query(jdbc, "select * from approval_request where tenant_id = ? and (?::text is null or status = ?)"
                + " order by requested_at desc, id limit ?", rs -> row(rs, false), tenant.value(),
                status == null ? null : status.name(), status == null ? null : status.name(), limit);
    }

    @Override
    public List<TenantId> tenantsWithPendingBefore(Instant cutoff) {
        return Sql.query(jdbc, "select distinct tenant_id from approval_request where status = 'PENDING' and requested_at < ?",
                rs -> TenantId.of(rs.getString(1)), cutoff);
    }

    @Override
    public List<ApprovalRequest> lockPendingBefore(TenantId tenant, Instant cutoff, int limit) {
        return Sql.query(jdbc, "select * from approval_request where tenant_id = ? and status = 'PENDING' and requested_at < ?"
                + " order by requested_at limit ? for update skip locked", rs -> row(rs, false), tenant.value(), cutoff, limit);
    }

    private ApprovalRequest row(ResultSet rs, boolean withSecrets) throws SQLException {
        TenantId tenant = TenantId.of(rs.getString("tenant_id"));
        UUID id = rs.getObject("id", UUID.class);
        Map<String, String> parameters = new HashMap<>(json.read(rs.getString("parameters")));
        String sealed = rs.getString("sealed_secrets");
        if (sealed != null) {
            Map<String, String> secrets = withSecrets ? json.read(box.open(sealed, owner(tenant, id)))
                    : json.read(box.open(sealed, owner(tenant, id))).keySet().stream().collect(Collectors.toMap(k -> k, k -> "(secret)"));
            parameters.putAll(secrets);
        }
        OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
        return new ApprovalRequest(tenant, id, ApprovalKind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("summary"),
                parameters, rs.getString("requested_by"), rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                ApprovalRequest.Status.valueOf(rs.getString("status")), rs.getString("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant(), rs.getString("note"), rs.getString("outcome"));
    }

    private static String owner(TenantId tenant, UUID id) {
        return "approval/" + tenant.value() + "/" + id;
    }
}
