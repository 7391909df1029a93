package health.ordo.adapter.web.security;

import health.ordo.adapter.web.problem.ProblemType;
import health.ordo.adapter.web.problem.Problems;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;

import java.util.List;

/**
 * Body size limits per endpoint: inbound documents (X12 835 files, FHIR Bundles) may be as large as the server allows
 * ({@code micronaut.server.max-request-size}, 50 MB); every other endpoint takes JSON of at most
 * {@code ordo.max-json-body} (2 MB). A larger declared body is refused with 413 before it is read.
 */
@Filter("/api/**")
class RequestSizeFilter implements HttpServerFilter {

    private final long maxJson;

    RequestSizeFilter(@Value("${ordo.max-json-body:2097152}") long maxJson) {
        this.maxJson = maxJson;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        long length = request.getContentLength();
        if (length > maxJson && !request.getPath().startsWith("/api/v1/inbound/")) {
            return Publishers.just(Problems.response(request, ProblemType.PAYLOAD_TOO_LARGE,
                    "the body is " + length + " bytes; this endpoint takes at most " + maxJson, List.of()));
        }
        return chain.proceed(request);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
