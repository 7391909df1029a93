package health.ordo.adapter.persistence.client;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.in.client.ApiClientView;
import health.ordo.application.port.out.client.ApiClientPort;
import health.ordo.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** {@code api_client}. */
@Singleton
class JdbcApiClients implements ApiClientPort {

    private final JdbcOperations jdbc;

    JdbcApiClients(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(TenantId tenant, ApiClientView c, String secretHash) {
        Sql.update(jdbc, "insert into api_client (client_id, tenant_id, name, scopes, secret_hash, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?)",
                c.clientId(), tenant.value(), c.name(), String.join(" ", new TreeSet<>(c.scopes())), secretHash, c.createdAt(), c.createdBy());
    }

    @Override
    public void rotate(TenantId tenant, String clientId, String secretHash, Instant rotatedAt, Instant previousValidUntil) {
        Sql.update(jdbc, """
                update api_client set previous_secret_hash = secret_hash, previous_valid_until = ?, secret_hash = ?, rotated_at = ?
                where tenant_id = ? and client_id = ?""", previousValidUntil, secretHash, rotatedAt, tenant.value(), clientId);
    }

    @Override
    public void revoke(TenantId tenant, String clientId, Instant at) {
        Sql.update(jdbc, "update api_client set revoked_at = coalesce(revoked_at, ?) where tenant_id = ? and client_id = ?",
                at, tenant.value(), clientId);
    }

    @Override
    public Optional<StoredClient> find(String clientId) {
        return Sql.query(jdbc, "select * from api_client where client_id = ?", rs -> new StoredClient(TenantId.of(rs.getString("tenant_id")),
                view(rs), rs.getString("secret_hash"), rs.getString("previous_secret_hash")), clientId).stream().findFirst();
    }

    @Override
    public List<ApiClientView> list(TenantId tenant) {
        return Sql.query(jdbc, "select * from api_client where tenant_id = ? order by created_at, client_id", JdbcApiClients::view, tenant.value());
    }

    private static ApiClientView view(ResultSet rs) throws SQLException {
        Set<String> scopes = Arrays.stream(rs.getString("scopes").split(" ")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
        return new ApiClientView(rs.getString("client_id"), rs.getString("name"), scopes, instant(rs, "created_at"), rs.getString("created_by"),
                instant(rs, "rotated_at"), instant(rs, "previous_valid_until"), instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
