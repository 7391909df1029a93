package health.ordo.spi.http;

import health.ordo.spi.HealthReport;
import health.ordo.spi.SourceUnavailableException;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * One adapter's HTTP channel: adds credentials and a total deadline, sends through the deployment's {@link OutboundChannel}
 * (so only destinations the {@link OutboundPolicy} admits are reached), turns an unreachable source, a 5xx or a 429 (and,
 * through {@link #send}, refused credentials) into {@link SourceUnavailableException}, and keeps the adapter's health:
 * DEGRADED with the reason after a failure, DOWN when the policy refuses the destination, UP after the next success. No
 * failure quotes what the source answered: a tenant sees the status, never the remote body.
 */
public final class SourceHttp {

    private final OutboundChannel http;
    private final Auth auth;
    private final Clock clock;
    private final Duration timeout;
    private volatile HealthReport health;

    public SourceHttp(OutboundChannel http, Auth auth, Clock clock) {
        this(http, auth, clock, Duration.ofSeconds(30));
    }

    /** @param timeout how long one request may take, body included, before the source counts as failing */
    public SourceHttp(OutboundChannel http, Auth auth, Clock clock, Duration timeout) {
        this.http = http;
        this.auth = auth;
        this.clock = clock;
        this.timeout = timeout;
        this.health = HealthReport.up(clock.instant());
    }

    public HealthReport health() {
        return health;
    }

    /** Like {@link #exchange}, and a 401 or 403 (credentials refused) fails too, dropping a cached token. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request);
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            auth.invalidate();
            String reason = "credentials refused (" + status + ") for " + response.request().method() + " " + response.request().uri().getPath();
            health = new HealthReport(HealthReport.Status.DOWN, reason, clock.instant());
            throw new SourceUnavailableException(reason, null, null, false);
        }
        return response;
    }

    /**
     * Sends with credentials and timeout, failing only when the source is unreachable or errs (5xx, 429); every other
     * status, 401 and 403 included, is the caller's to interpret (a CSRF token the server asks to be fetched again).
     */
    public HttpResponse<String> exchange(HttpRequest.Builder request) {
        request.timeout(timeout);
        HttpRequest built;
        try {
            auth.apply(request);
            built = request.build();
        } catch (OutboundRefusedException e) {
            health = new HealthReport(HealthReport.Status.DOWN, e.getMessage(), clock.instant());
            throw e;
        }
        try {
            HttpResponse<String> response = http.send(built, timeout);
            if (response.statusCode() == 429 || response.statusCode() >= 500) {
                Duration retryAfter = retryAfter(response, clock.instant());
                String reason = "source answered " + response.statusCode() + " to " + built.method() + " " + built.uri().getPath()
                        + (retryAfter == null ? "" : ", retry after " + retryAfter.toSeconds() + " s");
                health = new HealthReport(HealthReport.Status.DEGRADED, reason, clock.instant());
                throw new SourceUnavailableException(reason, null, retryAfter, true);
            }
            health = HealthReport.up(clock.instant());
            return response;
        } catch (OutboundRefusedException e) {
            health = new HealthReport(HealthReport.Status.DOWN, e.getMessage(), clock.instant());
            throw e;
        } catch (java.net.http.HttpTimeoutException e) {
            throw fail("source timed out after " + timeout.toMillis() + " ms on " + built.method() + " " + built.uri().getPath(), e);
        } catch (IOException e) {
            throw fail("source unreachable (" + unreachable(e) + ")", e);
        }
    }

    /**
     * A connector's request deadline from its option {@code timeout-seconds}.
     *
     * @throws IllegalArgumentException when it is not a whole number from 1 to the policy's longest timeout
     */
    public static Duration timeout(String connector, String option, int defaultSeconds, OutboundPolicy policy) {
        long max = policy.maxTimeout().toSeconds();
        if (option == null || option.isBlank()) {
            return Duration.ofSeconds(Math.min(defaultSeconds, max));
        }
        long seconds;
        try {
            seconds = Long.parseLong(option.strip());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 1 || seconds > max) {
            throw new IllegalArgumentException("connector " + connector + ": timeout-seconds must be a whole number from 1 to " + max);
        }
        return Duration.ofSeconds(seconds);
    }

    /** Why a source could not be reached, in words that name no address (the resolved address is not the tenant's to see). */
    static String unreachable(IOException e) {
        if (e instanceof java.net.ConnectException || e instanceof java.net.NoRouteToHostException) {
            return "connection refused";
        }
        if (e instanceof java.net.SocketTimeoutException) {
            return "no answer in time";
        }
        if (e.getClass().getName().startsWith("javax.net.ssl.")) {
            return "TLS handshake failed";
        }
        String message = e.getMessage();
        return message != null && message.contains("larger than") ? message : e.getClass().getSimpleName();
    }

    /** The longest pause a source's {@code Retry-After} is honoured for. */
    public static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

    /** RFC 9110 {@code Retry-After}: delay-seconds or an HTTP-date (at most an hour); null when absent or unreadable. */
    static Duration retryAfter(HttpResponse<?> response, Instant now) {
        String value = response.headers().firstValue("Retry-After").map(String::strip).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        Duration asked;
        if (value.matches("\\d{1,9}")) {
            asked = Duration.ofSeconds(Long.parseLong(value));
        } else {
            try {
                asked = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        // a source may ask for a pause, not for the integration to stop: at most an hour, then it is asked again
        return asked.isNegative() ? Duration.ZERO : asked.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : asked;
    }

    /** Marks the source failing (DEGRADED with the reason) and returns the exception to throw. */
    public SourceUnavailableException fail(String reason, Throwable cause) {
        health = new HealthReport(HealthReport.Status.DEGRADED, reason, clock.instant());
        return new SourceUnavailableException(reason, cause);
    }
}
