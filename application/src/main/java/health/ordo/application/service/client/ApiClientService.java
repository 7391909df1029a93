package health.ordo.application.service.client;

import health.ordo.application.port.in.client.ApiClientNotFoundException;
import health.ordo.application.port.in.client.ApiClientView;
import health.ordo.application.port.in.client.ManageApiClientsUseCase;
import health.ordo.application.port.out.client.ApiClientPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.user.PasswordHashingPort;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Machine clients. A client id is public ({@code ordo_} and 16 random hex digits); its secret is 32 random bytes, shown
 * once and stored only as a slow salted hash. Rotation issues a new secret and keeps the old one valid for a grace
 * period; revocation stops new tokens at once and, through {@link #active}, the tokens already issued.
 */
public final class ApiClientService implements ManageApiClientsUseCase {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiClientPort clients;
    private final PasswordHashingPort hashing;
    private final TransactionPort transactions;
    private final Clock clock;
    private volatile String dummyHash;

    public ApiClientService(ApiClientPort clients, PasswordHashingPort hashing, TransactionPort transactions, Clock clock) {
        this.clients = clients;
        this.hashing = hashing;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public IssuedSecret create(TenantId tenant, String name, Set<String> scopes, String actor) {
        InvalidValueException.require(name != null && !name.isBlank() && name.length() <= 100, "name", "name is required, at most 100 characters");
        // left out: every scope; an empty list would be a client that can do nothing, which is asked for by mistake
        InvalidValueException.require(scopes == null || !scopes.isEmpty(), "scopes", "scopes may not be empty: leave it out for "
                + SCOPES + ", or name the ones the client needs");
        Set<String> granted = scopes == null ? SCOPES : Set.copyOf(scopes);
        InvalidValueException.require(SCOPES.containsAll(granted), "scopes", "scopes may be " + SCOPES);
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        String secret = newSecret();
        ApiClientView view = new ApiClientView("ordo_" + HexFormat.of().formatHex(id), name.strip(), granted, clock.instant(), actor,
                null, null, null);
        String hash = hashing.hash(secret);
        transactions.inTransaction(tenant, () -> {
            clients.insert(tenant, view, hash);
            return null;
        });
        return new IssuedSecret(view, secret);
    }

    @Override
    public IssuedSecret rotate(TenantId tenant, String clientId, Duration grace) {
        ApiClientPort.StoredClient stored = owned(tenant, clientId);
        InvalidValueException.require(stored.view().revokedAt() == null, "clientId", "a revoked client cannot be rotated");
        String secret = newSecret();
        String hash = hashing.hash(secret);
        Instant now = clock.instant();
        Duration window = grace == null ? Duration.ofHours(24) : grace;
        InvalidValueException.require(!window.isNegative() && window.compareTo(Duration.ofDays(30)) <= 0, "graceMinutes",
                "the grace period is between 0 and 30 days");
        transactions.inTransaction(tenant, () -> {
            clients.rotate(tenant, clientId, hash, now, now.plus(window));
            return null;
        });
        return new IssuedSecret(owned(tenant, clientId).view(), secret);
    }

    @Override
    public ApiClientView revoke(TenantId tenant, String clientId) {
        owned(tenant, clientId);
        transactions.inTransaction(tenant, () -> {
            clients.revoke(tenant, clientId, clock.instant());
            return null;
        });
        return owned(tenant, clientId).view();
    }

    @Override
    public List<ApiClientView> list(TenantId tenant) {
        return transactions.readOnly(tenant, () -> clients.list(tenant));
    }

    @Override
    public Optional<AuthenticatedClient> authenticate(String clientId, String clientSecret) {
        if (clientId == null || clientSecret == null || clientSecret.length() > 200) {
            return Optional.empty();
        }
        Optional<ApiClientPort.StoredClient> stored = transactions.readAcrossTenants(() -> clients.find(clientId));
        if (stored.isEmpty() || stored.get().view().revokedAt() != null) {
            hashing.matches(clientSecret, dummyHash());
            return Optional.empty();
        }
        ApiClientPort.StoredClient client = stored.get();
        boolean current = hashing.matches(clientSecret, client.secretHash());
        boolean previous = !current && client.previousSecretHash() != null && client.view().previousSecretValidUntil() != null
                && clock.instant().isBefore(client.view().previousSecretValidUntil()) && hashing.matches(clientSecret, client.previousSecretHash());
        return current || previous
                ? Optional.of(new AuthenticatedClient(client.tenant(), clientId, client.view().scopes()))
                : Optional.empty();
    }

    @Override
    public boolean active(String clientId) {
        return transactions.readAcrossTenants(() -> clients.find(clientId)).map(c -> c.view().revokedAt() == null).orElse(false);
    }

    private ApiClientPort.StoredClient owned(TenantId tenant, String clientId) {
        return transactions.readOnly(tenant, () -> clients.find(clientId)).filter(c -> c.tenant().equals(tenant))
                .orElseThrow(() -> new ApiClientNotFoundException(clientId));
    }

    /** A hash to compare against when the client is unknown, so the answer takes as long as for a known one. */
    private String dummyHash() {
        if (dummyHash == null) {
            dummyHash = hashing.hash(newSecret());
        }
        return dummyHash;
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
