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

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        boolean api = request.getPath().startsWith("/api/") && !request.getPath().startsWith("/api/docs");
        return Publishers.map(chain.proceed(request), response -> {
            response.header("X-Content-Type-Options", "nosniff");
            response.header("X-Frame-Options", "DENY");
            response.header("Referrer-Policy", "no-referrer");
            response.header("Content-Security-Policy", api ? "default-src 'none'; frame-ancestors 'none'"
                    : "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
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
