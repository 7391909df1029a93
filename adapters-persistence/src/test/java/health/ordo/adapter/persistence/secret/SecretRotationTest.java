package health.ordo.adapter.persistence.secret;

import health.ordo.adapter.persistence.PersistenceTestSupport;
import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.in.connector.ConnectorConfig;
import health.ordo.application.port.out.connector.ConnectorConfigPort;
import health.ordo.application.service.secret.SecretRotationService;
import health.ordo.domain.shared.TenantId;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Rotating the secrets key: every stored secret sealed again under the current key, on real PostgreSQL. */
@MicronautTest(transactional = false)
class SecretRotationTest extends PersistenceTestSupport {

    private static final String OLD_KEY = "the-old-secrets-key-retired-this-quarter-0123";
    private static final String JWT_SECRET = "a-signing-secret-that-once-sealed-credentials-01";

    @Inject
    ConnectorConfigPort configs;
    @Value("${ordo.secrets.key}")
    String currentKey;

    private TenantId storedConnector(String id) {
        TenantId tenant = newTenant("rot");
        ConnectorConfig config = new ConnectorConfig(id, "oracle-fusion-invoice-holds", URI.create("https://erp.example"), 100,
                Duration.ofMinutes(5), true, Map.of("username", "u"), Set.of("password"), 1, Instant.now(), "ada@x");
        tx.inTransaction(tenant, () -> {
            configs.save(tenant, config, Map.of("password", "p-" + id), "oracle-fusion");
            return null;
        });
        return tenant;
    }

    /** The rotation use case over the persistence adapter with the given key ring. */
    private int rotate(SecretBox box) {
        return new SecretRotationService(new SecretRotation(jdbc, box), tx).rotate();
    }

    private void overwrite(TenantId tenant, String id, String sealed) {
        tx.inTransaction(tenant, () -> Sql.update(jdbc, "update connector_config set secrets = ? where tenant_id = ? and id = ?", sealed,
                tenant.value(), id));
    }

    private String stored(TenantId tenant, String id) {
        return tx.readOnly(tenant, () -> Sql.query(jdbc, "select secrets from connector_config where tenant_id = ? and id = ?",
                rs -> rs.getString(1), tenant.value(), id).get(0));
    }

    @Test
    void givenSecretsSealedUnderThePreviousKey_rotation_sealsThemUnderTheCurrentOne() {
        TenantId tenant = storedConnector("erp-old");
        String owner = tenant.value() + "/erp-old";
        overwrite(tenant, "erp-old", new SecretBox(OLD_KEY, null, null).seal("{\"password\":\"p-erp-old\"}", owner));
        SecretBox rotating = new SecretBox(currentKey, OLD_KEY, null);

        assertThat(rotate(rotating)).isGreaterThanOrEqualTo(1);

        assertThat(stored(tenant, "erp-old")).startsWith("v2:" + SecretBox.keyId(currentKey) + ":");
        assertThat(tx.readOnly(tenant, () -> configs.find(tenant, "erp-old")).orElseThrow().secrets())
                .containsEntry("password", "p-erp-old");
    }

    @Test
    void givenSecretsOfTheFirstFormatSealedWithAKeyDerivedFromTheJwtSecret_rotation_sealsThemUnderTheSecretsKey() throws Exception {
        TenantId tenant = storedConnector("erp-v1");
        String owner = tenant.value() + "/erp-v1";
        overwrite(tenant, "erp-v1", sealV1("{\"password\":\"p-erp-v1\"}", owner, JWT_SECRET));

        rotate(new SecretBox(currentKey, null, JWT_SECRET));

        assertThat(stored(tenant, "erp-v1")).startsWith("v2:" + SecretBox.keyId(currentKey) + ":");
        assertThat(tx.readOnly(tenant, () -> configs.find(tenant, "erp-v1")).orElseThrow().secrets()).containsEntry("password", "p-erp-v1");
    }

    @Test
    void secretsAlreadyUnderTheCurrentKey_areLeftAsTheyAre() {
        TenantId tenant = storedConnector("erp-current");
        String before = stored(tenant, "erp-current");

        rotate(new SecretBox(currentKey, OLD_KEY, null));

        assertThat(stored(tenant, "erp-current")).isEqualTo(before);
    }

    /** The sealing of the first format, with its key derived from the JWT secret. */
    private static String sealV1(String plain, String owner, String material) throws Exception {
        SecretKeySpec key = new SecretKeySpec(MessageDigest.getInstance("SHA-256")
                .digest(("ordo-connector-secrets|" + material).getBytes(StandardCharsets.UTF_8)), "AES");
        byte[] nonce = new byte[12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
    }
}
