package health.ordo.adapter.persistence.connector;

import health.ordo.adapter.persistence.Sql;
import health.ordo.adapter.persistence.TextMapJson;
import health.ordo.adapter.persistence.secret.SecretBox;
import health.ordo.application.port.in.connector.ConnectorConfig;
import health.ordo.application.port.out.connector.ConnectorConfigPort;
import health.ordo.domain.shared.TenantId;
import jakarta.inject.Singleton;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code connector_config}. Secrets are stored as one ciphertext sealed by {@link SecretBox} with the tenant and connector
 * id as associated data.
 */
@Singleton
class JdbcConnectorConfigs implements ConnectorConfigPort {

    private final JdbcOperations jdbc;
    private final TextMapJson json;
    private final SecretBox box;

    JdbcConnectorConfigs(JdbcOperations jdbc, TextMapJson json, SecretBox box) {
        this.jdbc = jdbc;
        this.json = json;
        this.box = box;
    }

    @Override
    public void save(TenantId tenant, ConnectorConfig c, Map<String, String> secrets, String sourceSystem) {
        Sql.update(jdbc, """
                insert into connector_config (tenant_id, id, type, base_url, page_size, interval_seconds, enabled, options, secrets,
                                              version, updated_at, updated_by, source_system)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                on conflict (tenant_id, id) do update set type = excluded.type, base_url = excluded.base_url,
                    page_size = excluded.page_size, interval_seconds = excluded.interval_seconds, enabled = excluded.enabled,
                    options = excluded.options, secrets = excluded.secrets, version = excluded.version,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by, source_system = excluded.source_system""",
                tenant.value(), c.id(), c.type(), c.baseUrl().toString(), c.pageSize(), (int) c.interval().toSeconds(), c.enabled(),
                json.write(c.options()), secrets.isEmpty() ? null : box.seal(json.write(secrets), tenant.value() + "/" + c.id()), c.version(),
                c.updatedAt(), c.updatedBy(), sourceSystem);
    }

    @Override
    public List<Stored> lackingSourceSystem() {
        return Sql.query(jdbc, "select * from connector_config where source_system is null order by tenant_id, id", this::row);
    }

    @Override
    public void recordSourceSystem(TenantId tenant, String id, String sourceSystem) {
        Sql.update(jdbc, "update connector_config set source_system = ? where tenant_id = ? and id = ?", sourceSystem, tenant.value(), id);
    }

    @Override
    public Optional<Stored> find(TenantId tenant, String id) {
        return Sql.query(jdbc, "select * from connector_config where tenant_id = ? and id = ?", this::row, tenant.value(), id)
                .stream().findFirst();
    }

    @Override
    public List<Stored> all() {
        return Sql.query(jdbc, "select * from connector_config order by tenant_id, id", this::row);
    }

    private Stored row(ResultSet rs) throws SQLException {
        String tenant = rs.getString("tenant_id");
        String id = rs.getString("id");
        String sealed = rs.getString("secrets");
        Map<String, String> secrets = sealed == null ? Map.of() : json.read(box.open(sealed, tenant + "/" + id));
        ConnectorConfig config = new ConnectorConfig(id, rs.getString("type"), URI.create(rs.getString("base_url")), rs.getInt("page_size"),
                Duration.ofSeconds(rs.getInt("interval_seconds")), rs.getBoolean("enabled"), json.read(rs.getString("options")), secrets.keySet(),
                rs.getLong("version"), rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("updated_by"));
        return new Stored(TenantId.of(tenant), config, secrets);
    }
}
