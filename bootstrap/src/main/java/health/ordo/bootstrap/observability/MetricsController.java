package health.ordo.bootstrap.observability;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /metrics}: the Prometheus text exposition of every meter (HTTP, JVM, connection pool, Ordo's own). Only
 * for the platform's operator: a scraper presenting {@code Authorization: Bearer <ORDO_METRICS_TOKEN>} or a signed-in
 * PLATFORM_ADMIN; anyone else gets 401 (no credentials) or 403. Not part of the tenant API.
 */
@Controller("/metrics")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class MetricsController {

    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry prometheus;
    private final OrdoMetrics ordo;
    private final byte[] token;

    MetricsController(PrometheusMeterRegistry prometheus, OrdoMetrics ordo, @Value("${ordo.metrics.token:}") String token) {
        this.prometheus = prometheus;
        this.ordo = ordo;
        this.token = token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> scrape(HttpRequest<?> request, @io.micronaut.core.annotation.Nullable Authentication caller) {
        if (!scraper(request) && !(caller != null && caller.getRoles().contains("PLATFORM_ADMIN"))) {
            boolean anonymous = caller == null && request.getHeaders().getAuthorization().isEmpty();
            return HttpResponse.<String>status(anonymous ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        ordo.refreshIfStale();
        return HttpResponse.ok(prometheus.scrape()).contentType(TEXT_FORMAT);
    }

    private boolean scraper(HttpRequest<?> request) {
        if (token == null) {
            return false;
        }
        return request.getHeaders().getAuthorization()
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> MessageDigest.isEqual(value.substring(7).trim().getBytes(StandardCharsets.UTF_8), token))
                .orElse(false);
    }
}
