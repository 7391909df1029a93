package health.ordo.domain.event;

import java.security.SecureRandom;
import java.util.Base64;

/** Webhook signing secrets in the Standard Webhooks form: {@code whsec_} and the base64 of 32 random bytes. */
public final class WebhookSecrets {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {
    }

    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }
}
