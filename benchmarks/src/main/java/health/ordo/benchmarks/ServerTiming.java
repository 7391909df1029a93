package health.ordo.benchmarks;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's own time for {@code POST /api/v1/work/next}: from the first filter (before authentication) to the response
 * leaving the route, recorded only while a harness measures. Active only under {@code ordo.bench.server-timing}.
 */
@Filter("/api/v1/work/next")
@Requires(property = "ordo.bench.server-timing", value = "true")
final class ServerTiming implements HttpServerFilter {

    private static final long[] SAMPLES = new long[2_000_000];
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static volatile boolean recording;

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        long started = System.nanoTime();
        return Publishers.map(chain.proceed(request), response -> {
            if (recording && response.getStatus().getCode() == 200) {
                int at = COUNT.getAndIncrement();
                if (at < SAMPLES.length) {
                    SAMPLES[at] = System.nanoTime() - started;
                }
            }
            return response;
        });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    static void start() {
        COUNT.set(0);
        recording = true;
    }

    /** Stops recording; answers the durations recorded, ascending. */
    static long[] stop() {
        recording = false;
        long[] taken = Arrays.copyOf(SAMPLES, Math.min(COUNT.get(), SAMPLES.length));
        Arrays.sort(taken);
        return taken;
    }
}
