package health.ordo.domain.audit;

import health.ordo.domain.shared.TenantId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One audit record, chained: {@code hash} is SHA-256 over the previous entry's hash and every field of this one, so
 * changing, removing or reordering any entry breaks the chain from there on. An entry is written {@linkplain #pending
 * pending} (no position, no hash) by the request it records, and chained shortly after, in the order entries were
 * written, by one chainer per tenant: requests never wait for each other to extend the chain.
 *
 * @param seq      position in the tenant's chain, from 1; 0 while pending
 * @param details  facts of the action, already free of PHI (masked by the caller)
 * @param prevHash the hash of entry {@code seq - 1}, or {@link #GENESIS} for the first
 */
public record AuditEntry(TenantId tenant, long seq, Instant at, String actor, String action, String entityType, String entityId,
                         Map<String, String> details, String requestId, String clientIp, String prevHash, String hash) {

    /** The "previous hash" of a tenant's first entry. */
    public static final String GENESIS = "0".repeat(64);

    public AuditEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** An entry as its request writes it: facts only, to be chained later. */
    public static AuditEntry pending(TenantId tenant, Instant at, String actor, String action, String entityType, String entityId,
                                     Map<String, String> details, String requestId, String clientIp) {
        return new AuditEntry(tenant, 0, at, actor, action, entityType, entityId, details, requestId, clientIp, null, null);
    }

    public boolean chained() {
        return hash != null;
    }

    /** This pending entry placed after {@code previous} (null for the tenant's first), with its hash computed. */
    public AuditEntry chainedAfter(AuditEntry previous) {
        return next(previous, tenant, at, actor, action, entityType, entityId, details, requestId, clientIp);
    }

    /** The next entry after {@code previous} (null for the first), with its hash computed. */
    public static AuditEntry next(AuditEntry previous, TenantId tenant, Instant at, String actor, String action, String entityType,
                                  String entityId, Map<String, String> details, String requestId, String clientIp) {
        long seq = previous == null ? 1 : previous.seq() + 1;
        String prevHash = previous == null ? GENESIS : previous.hash();
        AuditEntry draft = new AuditEntry(tenant, seq, at, actor, action, entityType, entityId, details, requestId, clientIp, prevHash, null);
        return new AuditEntry(tenant, seq, at, actor, action, entityType, entityId, details, requestId, clientIp, prevHash, draft.computeHash());
    }

    /** SHA-256 (hex) over the previous hash and the canonical form of every field. */
    public String computeHash() {
        String canonical = String.join("\u001f", prevHash, tenant.value(), Long.toString(seq), at.toString(), nz(actor), nz(action),
                nz(entityType), nz(entityId), new TreeMap<>(details).toString(), nz(requestId), nz(clientIp));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }

    private static String nz(String text) {
        return Objects.toString(text, "");
    }

    /** The result of checking a chain: intact, or the first entry that does not fit. */
    public record Verification(boolean intact, long checked, Long firstBrokenSeq, String reason) {
    }

    /** Checks entries in seq order: each must follow the previous one's seq and hash, and hash to its stored hash. */
    public static Verification verify(List<AuditEntry> entries) {
        String expectedPrev = GENESIS;
        long expectedSeq = 1;
        for (AuditEntry entry : entries) {
            if (entry.seq() != expectedSeq) {
                return new Verification(false, expectedSeq - 1, expectedSeq, "entry " + expectedSeq + " is missing");
            }
            if (!entry.prevHash().equals(expectedPrev)) {
                return new Verification(false, expectedSeq - 1, entry.seq(), "entry " + entry.seq() + " does not follow the previous hash");
            }
            if (!entry.computeHash().equals(entry.hash())) {
                return new Verification(false, expectedSeq - 1, entry.seq(), "entry " + entry.seq() + " was altered");
            }
            expectedPrev = entry.hash();
            expectedSeq++;
        }
        return new Verification(true, expectedSeq - 1, null, null);
    }
}
