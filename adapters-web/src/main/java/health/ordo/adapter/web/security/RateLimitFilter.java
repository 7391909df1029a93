package health.ordo.adapter.web.security;

import health.ordo.adapter.web.problem.Problem;
import health.ordo.adapter.web.problem.ProblemType;
import health.ordo.adapter.web.problem.Problems;
import health.ordo.application.port.in.limit.RateLimitUseCase;
import health.ordo.application.port.in.limit.RateLimitUseCase.Decision;
import health.ordo.application.port.in.limit.RateLimitUseCase.Limit;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;

import java.util.List;

/**
 * Token-bucket rate limits on {@code /api/**} and {@code /oauth/**}, after authentication: one bucket per caller (user
 * or machine client) and one per tenant, so one noisy integration cannot starve its tenant and one tenant cannot
 * starve the others. Sign-in ({@code /login}, {@code /oauth/token}) has a small bucket per client address of its own
 * ({@code ordo.rate-limit.sign-in-per-minute}, 30, bursts of {@code ordo.rate-limit.sign-in-burst}, 10), counted
 * exactly. An empty bucket answers {@code 429} with {@code Retry-After} (seconds) and a problem body.
 * <p>The buckets are shared by every node ({@link RateLimitUseCase}: PostgreSQL), so N nodes behind a balancer do not
 * give a caller N times its rate. Taking a token may touch the database, so the filter runs on the blocking pool,
 * never on the event loop.
 */
@ServerFilter({"/api/**", "/oauth/**", "/login", "/login/"})
class RateLimitFilter implements Ordered {

    private final Limit caller;
    private final Limit tenant;
    private final Limit signIn;
    private final RateLimitUseCase limits;
    private final ClientAddress addresses;

    RateLimitFilter(@Value("${ordo.rate-limit.caller-per-second:100}") double callerRate,
                    @Value("${ordo.rate-limit.caller-burst:200}") double callerBurst,
                    @Value("${ordo.rate-limit.tenant-per-second:500}") double tenantRate,
                    @Value("${ordo.rate-limit.tenant-burst:1000}") double tenantBurst,
                    @Value("${ordo.rate-limit.sign-in-per-minute:30}") double signInPerMinute,
                    @Value("${ordo.rate-limit.sign-in-burst:10}") double signInBurst,
                    RateLimitUseCase limits, ClientAddress addresses) {
        this.caller = Limit.of(callerRate, callerBurst, false);
        this.tenant = Limit.of(tenantRate, tenantBurst, false);
        this.signIn = Limit.of(signInPerMinute / 60.0, signInBurst, true);
        this.limits = limits;
        this.addresses = addresses;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<Problem> limit(HttpRequest<?> request) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
        String address = addresses.of(request);
        String path = BodyLimits.withoutTrailingSlash(request.getPath());
        Decision decision;
        if (path.equals("/login") || path.equals("/oauth/token")) {
            decision = limits.take("sign-in:" + address, signIn);
        } else {
            decision = limits.take(authentication == null ? "anonymous:" + address : "caller:" + authentication.getName(), caller);
        }
        if (decision.allowed() && authentication != null && authentication.getAttributes().get(Caller.TENANT_CLAIM) instanceof String id) {
            decision = limits.take("tenant:" + id, tenant);
        }
        if (decision.allowed()) {
            return null;
        }
        return Problems.response(request, ProblemType.RATE_LIMITED, "rate limit exceeded; retry after " + decision.waitSeconds() + " s",
                List.of()).header("Retry-After", Long.toString(decision.waitSeconds()));
    }

    /**
     * After authentication and after {@link ControlCharacterFilter}: that filter reads the body on the event loop; a
     * body read after this filter has moved the request to the blocking pool trips Micronaut's shared body buffer
     * (measured: an AssertionError in {@code BaseSharedBuffer} with assertions on).
     */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 30;
    }
}
