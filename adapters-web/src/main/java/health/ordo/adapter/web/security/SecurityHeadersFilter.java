package health.ordo.adapter.web.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;

/**
 * Security headers on every response: no MIME sniffing, no framing, no referrer, a restrictive content security policy,
 * no caching of API answers. CORS stays off (Micronaut's default): browsers on other origins cannot call the API.
 */
@Filter("/**")
class SecurityHeadersFilter implements HttpServerFilter {

    /** Pages: scripts and styles from Ordo only, none inline; forms post only to Ordo; no framing, plugins or base rewriting. */
    static final String PAGES_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
            + "form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        boolean api = request.getPath().startsWith("/api/") && !request.getPath().startsWith("/api/docs");
        return Publishers.map(chain.proceed(request), response -> {
            response.header("X-Content-Type-Options", "nosniff");
            response.header("X-Frame-Options", "DENY");
            // pages: same-origin, so a browser's form posts carry their Origin (with no-referrer they say "null", which is refused)
            response.header("Referrer-Policy", api ? "no-referrer" : "same-origin");
            response.header("Content-Security-Policy", api ? "default-src 'none'; frame-ancestors 'none'"
                    : request.getPath().startsWith("/api/docs") ? "default-src 'self'; img-src 'self' https: data:; style-src 'self' "
                    + "'unsafe-inline'; frame-ancestors 'none'"
                    : PAGES_POLICY);
            if (api && !response.getHeaders().contains("Cache-Control")) {
                response.header("Cache-Control", "no-store");
            }
            return response;
        });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.RENDERING.order();
    }
}
