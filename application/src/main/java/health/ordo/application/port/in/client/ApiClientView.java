package health.ordo.application.port.in.client;

import java.time.Instant;
import java.util.Set;

/**
 * A machine client as its tenant admin sees it; the secret is never part of it.
 *
 * @param scopes          {@code read} and/or {@code ingest}
 * @param previousSecretValidUntil after a rotation, the old secret keeps working until then
 */
public record ApiClientView(String clientId, String name, Set<String> scopes, Instant createdAt, String createdBy,
                            Instant rotatedAt, Instant previousSecretValidUntil, Instant revokedAt) {

    public ApiClientView {
        scopes = Set.copyOf(scopes);
    }
}
