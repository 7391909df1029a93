package health.ordo.adapter.web.security;

import health.ordo.adapter.web.problem.ProblemType;
import health.ordo.adapter.web.problem.Problems;
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
 * Body size limits per endpoint ({@link BodyLimits}) for bodies that declare their length: a larger one is refused with
 * 413 before it is read. A body without a declared length (chunked) is counted as it arrives by {@link ChunkedBodyLimit}.
 */
@Filter({"/api/**", "/login", "/login/", "/oauth/**"})
class RequestSizeFilter implements HttpServerFilter {

    private final BodyLimits limits;

    RequestSizeFilter(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        long length = request.getContentLength();
        long limit = limits.forPath(request.getPath());
        if (length > limit) {
            return Publishers.just(Problems.response(request, ProblemType.PAYLOAD_TOO_LARGE,
                    "the body is " + length + " bytes; this endpoint takes at most " + limit, List.of()));
        }
        return chain.proceed(request);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
