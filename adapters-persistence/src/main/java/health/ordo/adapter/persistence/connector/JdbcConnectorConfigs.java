package health.ordo.adapter.persistence.connector;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.in.connector.ConnectorConfig;
import health.ordo.application.port.out.connector.ConnectorConfigPort;
import health.ordo.domain.shared.TenantId;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code connector_config}. Secrets are stored as one AES-256-GCM ciphertext (random 96-bit nonce, the tenant and connector
 * id as associated data, so a ciphertext moved to another row does not decrypt) under a key derived with SHA-256 from
 * {@code ordo.secrets.key}, or from the JWT signing secret when that is not set.
 */
@Singleton
class JdbcConnectorConfigs implements ConnectorConfigPort {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final SecretKeySpec key;

    JdbcConnectorConfigs(JdbcOperations jdbc, JsonMapper json, @Nullable @Property(name = "ordo.secrets.key") String secretsKey,
                         @Nullable @Property(name = "micronaut.security.token.jwt.signatures.secret.generator.secret") String jwtSecret) {
        this.jdbc = jdbc;
        this.json = json;
        String material = secretsKey != null && !secretsKey.isBlank() ? secretsKey : jwtSecret;
        if (material == null || material.isBlank()) {
            throw new IllegalStateException("set ORDO_SECRETS_KEY (or ORDO_JWT_SECRET) to encrypt connector secrets");
        }
        try {
            this.key = new SecretKeySpec(MessageDigest.getInstance("SHA-256")
                    .digest(("ordo-connector-secrets|" + material).getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void save(TenantId tenant, ConnectorConfig c, Map<String, String> secrets) {
        Sql.update(jdbc, """
                insert into connector_config (tenant_id, id, type, base_url, page_size, interval_seconds, enabled, options, secrets,
                                              version, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                on conflict (tenant_id, id) do update set type = excluded.type, base_url = excluded.base_url,
                    page_size = excluded.page_size, interval_seconds = excluded.interval_seconds, enabled = excluded.enabled,
                    options = excluded.options, secrets = excluded.secrets, version = excluded.version,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""",
                tenant.value(), c.id(), c.type(), c.baseUrl().toString(), c.pageSize(), (int) c.interval().toSeconds(), c.enabled(),
                write(c.options()), secrets.isEmpty() ? null : encrypt(write(secrets), tenant.value() + "/" + c.id()), c.version(),
                c.updatedAt(), c.updatedBy());
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
        Map<String, String> secrets = sealed == null ? Map.of() : read(decrypt(sealed, tenant + "/" + id));
        ConnectorConfig config = new ConnectorConfig(id, rs.getString("type"), URI.create(rs.getString("base_url")), rs.getInt("page_size"),
                Duration.ofSeconds(rs.getInt("interval_seconds")), rs.getBoolean("enabled"), read(rs.getString("options")), secrets.keySet(),
                rs.getLong("version"), rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("updated_by"));
        return new Stored(TenantId.of(tenant), config, secrets);
    }

    private String write(Map<String, String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, Argument.mapOf(String.class, String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String encrypt(String plain, String associated) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt connector secrets", e);
        }
    }

    private String decrypt(String sealed, String associated) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring("v1:".length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, 12));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt the secrets of connector " + associated + " (was the secrets key changed?)", e);
        }
    }
}
