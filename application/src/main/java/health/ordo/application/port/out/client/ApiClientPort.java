package health.ordo.application.port.out.client;

import health.ordo.application.port.in.client.ApiClientView;
import health.ordo.domain.shared.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API clients with their secret hashes. */
public interface ApiClientPort {

    /** A stored client: its tenant, view, current and previous secret hashes. */
    record StoredClient(TenantId tenant, ApiClientView view, String secretHash, String previousSecretHash) {
    }

    void insert(TenantId tenant, ApiClientView client, String secretHash);

    void rotate(TenantId tenant, String clientId, String secretHash, Instant rotatedAt, Instant previousValidUntil);

    void revoke(TenantId tenant, String clientId, Instant at);

    Optional<StoredClient> find(String clientId);

    List<ApiClientView> list(TenantId tenant);
}
