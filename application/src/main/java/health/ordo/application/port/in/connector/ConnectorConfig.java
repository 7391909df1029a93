package health.ordo.application.port.in.connector;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's connector as configured through the API. Secrets are never part of it: {@code secretsSet} only names the
 * secret options that hold a value (stored encrypted, or as a reference to an environment variable).
 *
 * @param interval how often the connector is synced
 */
public record ConnectorConfig(String id, String type, URI baseUrl, int pageSize, Duration interval, boolean enabled,
                              Map<String, String> options, Set<String> secretsSet, long version, Instant updatedAt, String updatedBy) {

    /** Option names that are secrets: write-only, encrypted at rest, never returned or logged. */
    public static final Set<String> SECRET_OPTIONS = Set.of("password", "client-secret", "refresh-token", "bearer-token");

    /** The scheme of the stand-in address stored for a type that reaches no URL (a scan folder): {@code local:<type>}. */
    public static final String LOCAL_SCHEME = "local";

    public ConnectorConfig {
        options = Map.copyOf(options);
        secretsSet = Set.copyOf(secretsSet);
    }

    /** The base URL as shown to administrators; null for a type that reaches no URL. */
    public String shownBaseUrl() {
        return LOCAL_SCHEME.equals(baseUrl.getScheme()) ? null : baseUrl.toString();
    }
}
