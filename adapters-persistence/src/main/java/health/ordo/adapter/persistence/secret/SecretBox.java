package health.ordo.adapter.persistence.secret;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals secrets stored in the database (connector credentials, credentials waiting for approval): AES-256-GCM with a
 * random 96-bit nonce, and the owning row's identity as associated data, so a ciphertext moved to another row does not
 * open. The key is derived with SHA-256 from {@code ordo.secrets.key}, or from the JWT signing secret when that is not set.
 */
@Singleton
public class SecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    SecretBox(@Nullable @Property(name = "ordo.secrets.key") String secretsKey,
              @Nullable @Property(name = "micronaut.security.token.jwt.signatures.secret.generator.secret") String jwtSecret) {
        String material = secretsKey != null && !secretsKey.isBlank() ? secretsKey : jwtSecret;
        if (material == null || material.isBlank()) {
            throw new IllegalStateException("set ORDO_SECRETS_KEY (or ORDO_JWT_SECRET) to encrypt stored secrets");
        }
        try {
            this.key = new SecretKeySpec(MessageDigest.getInstance("SHA-256")
                    .digest(("ordo-connector-secrets|" + material).getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param owner the identity of the row the secret belongs to (bound into the ciphertext) */
    public String seal(String plain, String owner) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt secrets", e);
        }
    }

    public String open(String sealed, String owner) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring("v1:".length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, 12));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt the secrets of " + owner + " (was the secrets key changed?)", e);
        }
    }
}
