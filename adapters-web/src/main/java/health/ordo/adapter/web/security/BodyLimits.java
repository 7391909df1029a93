package health.ordo.adapter.web.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * How large a body each endpoint takes: sign-in ({@code /login}, {@code /oauth/token}) {@code ordo.max-sign-in-body}
 * (16 KiB); inbound documents (X12 835 files, FHIR Bundles) and history files as large as the server allows
 * ({@code micronaut.server.max-request-size}, 50 MB); every other endpoint {@code ordo.max-json-body} (2 MiB).
 */
@Singleton
class BodyLimits {

    private final long maxJson;
    private final long maxSignIn;

    BodyLimits(@Value("${ordo.max-json-body:2097152}") long maxJson, @Value("${ordo.max-sign-in-body:16384}") long maxSignIn) {
        this.maxJson = maxJson;
        this.maxSignIn = maxSignIn;
    }

    long forPath(String raw) {
        String path = withoutTrailingSlash(raw);
        if (path.equals("/login") || path.startsWith("/oauth/")) {
            return maxSignIn;
        }
        if (path.startsWith("/api/v1/inbound/") || path.equals("/api/v1/history:import")
                || path.equals("/api/v1/intake/documents")) {
            return Long.MAX_VALUE;
        }
        return maxJson;
    }

    /** A path as the router matches it: one trailing slash does not make another route. */
    static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
