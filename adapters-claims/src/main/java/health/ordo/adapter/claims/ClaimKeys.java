package health.ordo.adapter.claims;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key of a claim in an item's external id when the payer gave no claim number of its own: the provider's number (the
 * patient control number, CLP01, or a FHIR request identifier) is an identifier of the patient's account, so it is never
 * written into an external id or a title; its SHA-256 digest, scoped by the payer, recognizes a re-delivery just as well.
 */
public final class ClaimKeys {

    private ClaimKeys() {
    }

    /** {@code pcn-} and 16 hex digits of the digest of payer and provider number: stable, and says nothing of the patient. */
    public static String opaque(String payerKey, String providerNumber) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((payerKey + "|" + providerNumber).getBytes(StandardCharsets.UTF_8));
            return "pcn-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
