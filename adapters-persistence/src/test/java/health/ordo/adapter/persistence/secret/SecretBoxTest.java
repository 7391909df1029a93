package health.ordo.adapter.persistence.secret;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The secrets key is the deployment's own, and every ciphertext names the key that sealed it. */
class SecretBoxTest {

    private static final String KEY = "the-current-secrets-key-of-this-deployment-01";
    private static final String OLD = "the-old-secrets-key-retired-this-quarter-0123";
    private static final String JWT = "a-signing-secret-that-is-long-enough-for-hs256";

    @Test
    void givenOnlyAJwtSecret_theBoxRefusesToStart() {
        assertThatThrownBy(() -> new SecretBox(null, null, JWT)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ORDO_SECRETS_KEY");
    }

    @Test
    void aCiphertext_namesItsKeyId_andOpensOnlyForItsOwner() {
        SecretBox box = new SecretBox(KEY, null, JWT);

        String sealed = box.seal("s3cret", "demo/erp");

        assertThat(sealed).startsWith("v2:" + SecretBox.keyId(KEY) + ":").doesNotContain("s3cret");
        assertThat(box.open(sealed, "demo/erp")).isEqualTo("s3cret");
        assertThatThrownBy(() -> box.open(sealed, "other/erp")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterTheKeyChanged_thePreviousKeyStillOpensWhatItSealed_andWithoutItTheErrorSaysWhatToConfigure() {
        String sealed = new SecretBox(OLD, null, null).seal("s3cret", "demo/erp");

        assertThat(new SecretBox(KEY, OLD, null).open(sealed, "demo/erp")).isEqualTo("s3cret");
        assertThat(new SecretBox(KEY, OLD, null).isCurrent(sealed)).isFalse();
        assertThatThrownBy(() -> new SecretBox(KEY, null, null).open(sealed, "demo/erp"))
                .hasMessageContaining("ORDO_SECRETS_PREVIOUS_KEYS").hasMessageNotContaining(OLD);
    }

    @Test
    void aKeyIdRevealsNothingOfTheKey() {
        assertThat(SecretBox.keyId(KEY)).hasSize(12).doesNotContain(KEY.substring(0, 6));
        assertThat(SecretBox.keyId(KEY)).isNotEqualTo(SecretBox.keyId(OLD));
    }
}
