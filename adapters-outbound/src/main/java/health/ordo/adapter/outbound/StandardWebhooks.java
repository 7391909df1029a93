package health.ordo.adapter.outbound;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * Signatures per the Standard Webhooks specification: the signed content is {@code <webhook-id>.<webhook-timestamp>.<body>},
 * signed with HMAC-SHA256 under the secret's key (the base64 text after {@code whsec_}); the {@code webhook-signature}
 * header lists {@code v1,<base64 signature>} once per secret valid at the time, space-separated, so a receiver rotating
 * its secret accepts either.
 */
public final class StandardWebhooks {

    private static final String PREFIX = "whsec_";

    private StandardWebhooks() {
    }

    /** The {@code webhook-signature} header value for a message signed with each of {@code secrets}. */
    public static String header(List<String> secrets, String id, long timestampSeconds, String body) {
        StringBuilder header = new StringBuilder();
        for (String secret : secrets) {
            if (!header.isEmpty()) {
                header.append(' ');
            }
            header.append("v1,").append(sign(secret, id, timestampSeconds, body));
        }
        return header.toString();
    }

    /** The base64 HMAC-SHA256 of {@code id.timestamp.body} under the secret's key. */
    public static String sign(String secret, String id, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code header} holds a v1 signature of the message under {@code secret} (compared in constant time). */
    public static boolean verifies(String secret, String id, long timestampSeconds, String body, String header) {
        byte[] expected = sign(secret, id, timestampSeconds, body).getBytes(StandardCharsets.US_ASCII);
        for (String part : header.trim().split(" +")) {
            if (part.startsWith("v1,") && MessageDigest.isEqual(expected, part.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
