package health.ordo.spi.http;

import health.ordo.spi.SourceUnavailableException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How an adapter authenticates: HTTP Basic, a static bearer token, or OAuth 2.0 (client credentials, or a refresh token
 * as Workday integrations use), whose access token is fetched when needed and reused until shortly before it expires.
 */
public interface Auth {

    /** Adds the credentials to a request. */
    void apply(HttpRequest.Builder request);

    /** Forgets a cached token (after a 401), so the next call fetches a new one. */
    default void invalidate() {
    }

    static Auth none() {
        return request -> { };
    }

    static Auth basic(String username, String password) {
        String value = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return request -> request.header("Authorization", value);
    }

    static Auth bearer(String token) {
        return request -> request.header("Authorization", "Bearer " + token);
    }

    /**
     * From an adapter's options: {@code auth} = {@code basic} ({@code username}, {@code password}), {@code bearer}
     * ({@code bearer-token}), {@code oauth-client-credentials} ({@code token-url}, {@code client-id}, {@code client-secret},
     * optional {@code scope}) or {@code oauth-refresh-token} (also {@code refresh-token}); {@code none} when absent.
     */
    static Auth fromOptions(String name, Map<String, String> options, OutboundChannel http, Clock clock) {
        java.util.function.Function<String, String> required = key -> {
            String value = options.get(key);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("connector " + name + ": option " + key + " is required");
            }
            return value;
        };
        String kind = options.getOrDefault("auth", "none");
        return switch (kind) {
            case "none" -> none();
            case "basic" -> basic(required.apply("username"), required.apply("password"));
            case "bearer" -> bearer(required.apply("bearer-token"));
            case "oauth-client-credentials", "oauth-refresh-token" -> {
                Map<String, String> form = new LinkedHashMap<>();
                form.put("grant_type", kind.equals("oauth-client-credentials") ? "client_credentials" : "refresh_token");
                if (kind.equals("oauth-refresh-token")) {
                    form.put("refresh_token", required.apply("refresh-token"));
                }
                if (options.get("scope") != null && !options.get("scope").isBlank()) {
                    form.put("scope", options.get("scope"));
                }
                URI tokenUrl;
                try {
                    tokenUrl = URI.create(required.apply("token-url"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("connector " + name + ": option token-url is not a URL");
                }
                yield new OAuth(tokenUrl, required.apply("client-id"),
                        required.apply("client-secret"), form, http, clock);
            }
            default -> throw new IllegalArgumentException("connector " + name
                    + ": auth must be none, basic, bearer, oauth-client-credentials or oauth-refresh-token, not " + kind);
        };
    }

    /** An OAuth 2.0 token endpoint client (RFC 6749 §4.4 and §6) with the client authenticated by HTTP Basic. */
    final class OAuth implements Auth {
        private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
        private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*\"?(\\d{1,9})");
        private final URI tokenUrl;
        private final String clientAuth;
        private final Map<String, String> form;
        private final OutboundChannel http;
        private final Clock clock;
        private String token;
        private Instant expiresAt = Instant.MIN;

        OAuth(URI tokenUrl, String clientId, String clientSecret, Map<String, String> form, OutboundChannel http, Clock clock) {
            this.tokenUrl = tokenUrl;
            this.clientAuth = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
            this.form = Map.copyOf(form);
            this.http = http;
            this.clock = clock;
        }

        @Override
        public synchronized void apply(HttpRequest.Builder request) {
            if (token == null || clock.instant().isAfter(expiresAt)) {
                fetch();
            }
            request.header("Authorization", "Bearer " + token);
        }

        @Override
        public synchronized void invalidate() {
            token = null;
        }

        private void fetch() {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenUrl)
                        .header("Authorization", clientAuth).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), Duration.ofSeconds(20));
                if (response.statusCode() != 200) {
                    throw new SourceUnavailableException("token endpoint answered " + response.statusCode(), null);
                }
                Matcher accessToken = ACCESS_TOKEN.matcher(response.body());
                if (!accessToken.find()) {
                    throw new SourceUnavailableException("token endpoint sent no access_token", null);
                }
                if (accessToken.group(1).chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                    throw new SourceUnavailableException("token endpoint sent an access_token that is no token", null);
                }
                token = accessToken.group(1);
                Matcher expiresIn = EXPIRES_IN.matcher(response.body());
                long seconds = expiresIn.find() ? Long.parseLong(expiresIn.group(1)) : 3600;
                expiresAt = clock.instant().plusSeconds(Math.max(30, seconds - 60));
            } catch (IOException e) {
                throw new SourceUnavailableException("token endpoint unreachable (" + SourceHttp.unreachable(e) + ")", e);
            }
        }
    }
}
