package health.ordo.application.port.in.client;

import health.ordo.domain.shared.TenantId;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Machine clients: a tenant admin creates, rotates and revokes them; the token endpoint authenticates them. */
public interface ManageApiClientsUseCase {

    /** Scopes a client may hold: reading work and ingesting documents. */
    Set<String> SCOPES = Set.of("read", "ingest");

    /** A client with its secret in clear, shown exactly once (at creation or rotation). */
    record IssuedSecret(ApiClientView client, String clientSecret) {
        @Override
        public String toString() {
            return "IssuedSecret[" + client.clientId() + "]";
        }
    }

    /** A client that proved its secret. */
    record AuthenticatedClient(TenantId tenant, String clientId, Set<String> scopes) {
    }

    IssuedSecret create(TenantId tenant, String name, Set<String> scopes, String actor);

    /** A new secret; the old one keeps working for {@code grace} so deployments can switch without downtime. */
    IssuedSecret rotate(TenantId tenant, String clientId, Duration grace);

    ApiClientView revoke(TenantId tenant, String clientId);

    List<ApiClientView> list(TenantId tenant);

    /** Empty when the client is unknown, revoked, or the secret does not match (the caller cannot tell which). */
    Optional<AuthenticatedClient> authenticate(String clientId, String clientSecret);

    /** Whether tokens of this client are still honoured (not revoked); cached briefly by callers. */
    boolean active(String clientId);
}
