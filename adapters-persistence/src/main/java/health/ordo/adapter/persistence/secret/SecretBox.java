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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seals secrets stored in the database (connector credentials, credentials waiting for approval): AES-256-GCM with a
 * random 96-bit nonce, and the owning row's identity as associated data, so a ciphertext moved to another row does not
 * open. The key is the deployment's own secrets key ({@code ordo.secrets.key}, {@code ORDO_SECRETS_KEY}), never derived
 * from the token signing secret. Each ciphertext names the id of the key that sealed it ({@code v2:<key id>:…}), so keys
 * can be rotated: the previous keys ({@code ordo.secrets.previous-keys}) still open what they sealed until
 * {@link SecretRotation} has sealed it again under the current key. Ciphertexts of the first format ({@code v1:}, key
 * derived from the secrets key or, before there was one, from the JWT secret) are still opened, and re-sealed by rotation.
 */
@Singleton
public class SecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MIN_KEY_CHARS = 32;

    private final String currentId;
    private final SecretKeySpec current;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final List<SecretKeySpec> legacy = new ArrayList<>();

    SecretBox(@Nullable @Property(name = "ordo.secrets.key") String secretsKey,
              @Nullable @Property(name = "ordo.secrets.previous-keys") String previousKeys,
              @Nullable @Property(name = "micronaut.security.token.jwt.signatures.secret.generator.secret") String jwtSecret) {
        if (secretsKey == null || secretsKey.isBlank()) {
            throw new IllegalStateException("set ORDO_SECRETS_KEY (at least " + MIN_KEY_CHARS + " random characters, not the JWT "
                    + "secret) to encrypt stored connector credentials");
        }
        if (secretsKey.strip().length() < MIN_KEY_CHARS) {
            throw new IllegalStateException("ORDO_SECRETS_KEY must be at least " + MIN_KEY_CHARS + " characters");
        }
        List<String> materials = new ArrayList<>();
        materials.add(secretsKey.strip());
        if (previousKeys != null) {
            for (String previous : previousKeys.split(",")) {
                if (!previous.isBlank()) {
                    materials.add(previous.strip());
                }
            }
        }
        for (String material : materials) {
            keys.putIfAbsent(keyId(material), derive("ordo-secrets-v2|", material));
            legacy.add(derive("ordo-connector-secrets|", material));
        }
        if (jwtSecret != null && !jwtSecret.isBlank()) {
            legacy.add(derive("ordo-connector-secrets|", jwtSecret)); // what v1 sealed with when no secrets key was set
        }
        this.currentId = keyId(materials.get(0));
        this.current = keys.get(currentId);
    }

    /** The id of a key: a fingerprint that names it in ciphertexts without revealing it. */
    static String keyId(String material) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("ordo-secrets-key-id|" + material).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecretKeySpec derive(String purpose, String material) {
        try {
            return new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest((purpose + material).getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the key new secrets are sealed with. */
    public String currentKeyId() {
        return currentId;
    }

    /** Whether a ciphertext is sealed under the current key (else rotation seals it again). */
    public boolean isCurrent(String sealed) {
        return sealed.startsWith(prefix());
    }

    /** What every ciphertext under the current key starts with. */
    String prefix() {
        return "v2:" + currentId + ":";
    }

    /** @param owner the identity of the row the secret belongs to (bound into the ciphertext) */
    public String seal(String plain, String owner) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return prefix() + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt secrets", e);
        }
    }

    public String open(String sealed, String owner) {
        if (sealed.startsWith("v2:")) {
            int end = sealed.indexOf(':', 3);
            SecretKeySpec key = end < 0 ? null : keys.get(sealed.substring(3, end));
            if (key == null) {
                throw new IllegalStateException("the secrets of " + owner + " are sealed under a key this node does not have "
                        + "(key id " + (end < 0 ? "?" : sealed.substring(3, end)) + "): add it to ORDO_SECRETS_PREVIOUS_KEYS");
            }
            return decrypt(key, sealed.substring(end + 1), owner);
        }
        if (sealed.startsWith("v1:")) {
            for (SecretKeySpec key : legacy) {
                try {
                    return decrypt(key, sealed.substring(3), owner);
                } catch (IllegalStateException e) {
                    // not this one: v1 ciphertexts do not say which key sealed them
                }
            }
        }
        throw new IllegalStateException("cannot decrypt the secrets of " + owner + " (was the secrets key changed without keeping "
                + "the old one in ORDO_SECRETS_PREVIOUS_KEYS?)");
    }

    private static String decrypt(SecretKeySpec key, String body, String owner) {
        try {
            byte[] bytes = Base64.getDecoder().decode(body);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, 12));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt the secrets of " + owner, e);
        }
    }
}
