package health.ordo.adapter.web.security;

import health.ordo.adapter.web.problem.ProblemType;
import health.ordo.adapter.web.problem.Problems;
import health.ordo.application.port.in.limit.RateLimitUseCase;
import health.ordo.application.port.in.limit.RateLimitUseCase.Decision;
import health.ordo.application.port.in.limit.RateLimitUseCase.Limit;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.netty.util.internal.ThreadExecutorMap;
import jakarta.inject.Named;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * Token-bucket rate limits on {@code /api/**} and {@code /oauth/**}, after authentication: one bucket per caller (user
 * or machine client) and one per tenant, so one noisy integration cannot starve its tenant and one tenant cannot
 * starve the others. Sign-in ({@code /login}, {@code /oauth/token}) has a small bucket per client address of its own
 * ({@code ordo.rate-limit.sign-in-per-minute}, 30, bursts of {@code ordo.rate-limit.sign-in-burst}, 10), counted
 * exactly. An empty bucket answers {@code 429} with {@code Retry-After} (seconds) and a problem body.
 * <p>The buckets are shared by every node ({@link RateLimitUseCase}: PostgreSQL), so N nodes behind a balancer do not
 * give a caller N times its rate. Taking a token may touch the database, so it is taken on the blocking pool, and the
 * request then goes on <em>on its own event loop</em>: Micronaut's request body must be read there (a body read from
 * another thread trips its shared body buffer, measured with an annotated filter on the blocking pool: an
 * AssertionError in {@code BaseSharedBuffer}, and with assertions off a lost response).
 */
@Filter({"/api/**", "/oauth/**", "/login", "/login/"})
class RateLimitFilter implements HttpServerFilter {

    private final Limit caller;
    private final Limit tenant;
    private final Limit signIn;
    private final RateLimitUseCase limits;
    private final ClientAddress addresses;
    private final ExecutorService blocking;

    RateLimitFilter(@Value("${ordo.rate-limit.caller-per-second:100}") double callerRate,
                    @Value("${ordo.rate-limit.caller-burst:200}") double callerBurst,
                    @Value("${ordo.rate-limit.tenant-per-second:500}") double tenantRate,
                    @Value("${ordo.rate-limit.tenant-burst:1000}") double tenantBurst,
                    @Value("${ordo.rate-limit.sign-in-per-minute:30}") double signInPerMinute,
                    @Value("${ordo.rate-limit.sign-in-burst:10}") double signInBurst,
                    RateLimitUseCase limits, ClientAddress addresses, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.caller = Limit.of(callerRate, callerBurst, false);
        this.tenant = Limit.of(tenantRate, tenantBurst, false);
        this.signIn = Limit.of(signInPerMinute / 60.0, signInBurst, true);
        this.limits = limits;
        this.addresses = addresses;
        this.blocking = blocking;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
        String address = addresses.of(request);
        String path = BodyLimits.withoutTrailingSlash(request.getPath());
        Executor eventLoop = ThreadExecutorMap.currentExecutor();
        Executor resume = eventLoop == null ? Runnable::run : eventLoop;
        CompletableFuture<Decision> decided = CompletableFuture.supplyAsync(() -> decide(authentication, address, path), blocking)
                .thenApplyAsync(decision -> decision, resume);
        return Mono.fromFuture(decided).flatMapMany(decision -> decision.allowed() ? chain.proceed(request)
                : Mono.just(Problems.response(request, ProblemType.RATE_LIMITED, "rate limit exceeded; retry after "
                        + decision.waitSeconds() + " s", List.of()).header("Retry-After", Long.toString(decision.waitSeconds()))));
    }

    private Decision decide(Authentication authentication, String address, String path) {
        Decision decision;
        if (path.equals("/login") || path.equals("/oauth/token")) {
            decision = limits.take("sign-in:" + address, signIn);
        } else {
            decision = limits.take(authentication == null ? "anonymous:" + address : "caller:" + authentication.getName(), caller);
        }
        if (decision.allowed() && authentication != null && authentication.getAttributes().get(Caller.TENANT_CLAIM) instanceof String id) {
            decision = limits.take("tenant:" + id, tenant);
        }
        return decision;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
