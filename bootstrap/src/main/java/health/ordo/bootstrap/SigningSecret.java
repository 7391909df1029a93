package health.ordo.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * Where the HS256 JWT signing secret and the secrets key (which seals stored connector credentials) come from; the two are
 * separate keys, so whoever learns one does not hold the other. Configured ({@code ORDO_JWT_SECRET}, at least 32 bytes) it is
 * used as is. Without one, the embedded demo mode (no {@code DATASOURCES_DEFAULT_URL}) generates a random
 * secret on first start and keeps it in the data directory, so tokens survive restarts; with an external
 * database a missing secret stops start-up: production never runs on a secret nobody chose. The secrets key
 * ({@code ORDO_SECRETS_KEY}) follows the same rule, kept in {@code secrets-key} in the demo's data directory.
 */
final class SigningSecret {

    static final String PROPERTY = "micronaut.security.token.jwt.signatures.secret.generator.secret";
    static final String SECRETS_KEY = "ordo.secrets.key";
    private static final int MIN_BYTES = 32;

    private SigningSecret() {
    }

    static Map<String, Object> resolve(Map<String, String> env, Properties system) {
        Map<String, Object> properties = new java.util.HashMap<>(signingSecret(env, system));
        properties.putAll(secretsKey(env, system));
        return Map.copyOf(properties);
    }

    /** Nothing to add when {@code ORDO_SECRETS_KEY} is configured; the demo's own key otherwise. */
    private static Map<String, Object> secretsKey(Map<String, String> env, Properties system) {
        if (first(env.get("ORDO_SECRETS_KEY"), system.getProperty(SECRETS_KEY)) != null) {
            return Map.of();
        }
        if (first(env.get("DATASOURCES_DEFAULT_URL"), system.getProperty("datasources.default.url")) != null) {
            throw new IllegalStateException("set ORDO_SECRETS_KEY (at least 32 random characters, not the JWT secret) when using an "
                    + "external database; it encrypts stored connector credentials");
        }
        return Map.of(SECRETS_KEY, demoSecret(dataDir(env, system).resolve("secrets-key")));
    }

    private static Path dataDir(Map<String, String> env, Properties system) {
        return Path.of(first(env.get("ORDO_DATA_DIR"), system.getProperty("ordo.data-dir"), "data"));
    }

    private static Map<String, Object> signingSecret(Map<String, String> env, Properties system) {
        String configured = first(env.get("ORDO_JWT_SECRET"), system.getProperty("ordo.jwt-secret"), system.getProperty(PROPERTY));
        if (configured != null) {
            if (configured.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
                throw new IllegalStateException("ORDO_JWT_SECRET must be at least " + MIN_BYTES + " bytes (256 bits)");
            }
            return Map.of(PROPERTY, configured);
        }
        if (first(env.get("DATASOURCES_DEFAULT_URL"), system.getProperty("datasources.default.url")) != null) {
            throw new IllegalStateException("set ORDO_JWT_SECRET (at least 32 random bytes) when using an external database");
        }
        return Map.of(PROPERTY, demoSecret(dataDir(env, system).resolve("jwt-secret")));
    }

    static String demoSecret(Path file) {
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (stored.length() >= MIN_BYTES) {
                    return stored;
                }
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection applies
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the demo secret " + file, e);
        }
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
