package health.ordo.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningSecretTest {

    @TempDir
    Path dataDir;

    @Test
    void givenDemoMode_secretIsGeneratedOnceAndKeptAcrossRestarts() {
        Map<String, String> env = Map.of("ORDO_DATA_DIR", dataDir.toString());

        Object first = SigningSecret.resolve(env, new Properties()).get(SigningSecret.PROPERTY);
        Object second = SigningSecret.resolve(env, new Properties()).get(SigningSecret.PROPERTY);

        assertThat(first).isEqualTo(second);
        assertThat(first.toString()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(dataDir.resolve("jwt-secret")).exists();
    }

    @Test
    void givenExternalDatabaseWithoutSecret_startIsRefused() {
        Map<String, String> env = Map.of("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://db:5432/ordo");

        assertThatThrownBy(() -> SigningSecret.resolve(env, new Properties()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ORDO_JWT_SECRET");
    }

    @Test
    void givenDemoMode_theSecretsKeyIsItsOwn_notTheSigningSecret() {
        Map<String, Object> resolved = SigningSecret.resolve(Map.of("ORDO_DATA_DIR", dataDir.toString()), new Properties());

        assertThat(resolved.get(SigningSecret.SECRETS_KEY)).isNotNull().isNotEqualTo(resolved.get(SigningSecret.PROPERTY));
        assertThat(dataDir.resolve("secrets-key")).exists();
    }

    @Test
    void givenExternalDatabaseWithASigningSecretButNoSecretsKey_startIsRefused() {
        Map<String, String> env = Map.of("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://db:5432/ordo",
                "ORDO_JWT_SECRET", "a-configured-secret-of-at-least-32-bytes!");

        assertThatThrownBy(() -> SigningSecret.resolve(env, new Properties()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ORDO_SECRETS_KEY");
    }

    @Test
    void givenConfiguredSecret_itIsUsedAndAShortOneIsRefused() {
        String secret = "a-configured-secret-of-at-least-32-bytes!";

        assertThat(SigningSecret.resolve(Map.of("ORDO_JWT_SECRET", secret, "ORDO_DATA_DIR", dataDir.toString()), new Properties()))
                .containsEntry(SigningSecret.PROPERTY, secret);
        assertThatThrownBy(() -> SigningSecret.resolve(Map.of("ORDO_JWT_SECRET", "short"), new Properties()))
                .isInstanceOf(IllegalStateException.class);
    }
}
