package health.ordo.adapter.erp.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.ordo.spi.plugin.ConnectorSettings;
import health.ordo.spi.HealthReport;
import health.ordo.spi.SourceUnavailableException;
import health.ordo.spi.http.Auth;
import health.ordo.spi.http.OutboundChannel;
import health.ordo.spi.http.SourceHttp;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

/** The SPI's {@link SourceHttp} with JSON (Jackson) for the ERP adapters: a non-2xx or unreadable body is a source failure. */
public final class ErpHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SourceHttp http;

    public ErpHttp(OutboundChannel client, Auth auth, Clock clock) {
        this(client, auth, clock, java.time.Duration.ofSeconds(30));
    }

    public ErpHttp(OutboundChannel client, Auth auth, Clock clock, java.time.Duration timeout) {
        this.http = new SourceHttp(client, auth, clock, timeout);
    }

    /**
     * A channel authenticated as the connector's options say (see {@link Auth#fromOptions}), with the request timeout of
     * option {@code timeout-seconds} (default 30, at most the deployment's longest), through the settings' guarded channel.
     */
    public static ErpHttp of(ConnectorSettings settings, Clock clock) {
        OutboundChannel client = settings.http();
        return new ErpHttp(client, Auth.fromOptions(settings.name(), settings.options(), client, clock), clock,
                SourceHttp.timeout(settings.name(), settings.option("timeout-seconds").orElse(null), 30, client.policy()));
    }

    /**
     * Option {@code release-resolutions}: the resolution codes whose write-back releases a hold or block in the ERP
     * (default {@code RELEASED,APPROVED,CORRECTED}); any other, such as {@code REJECTED}, leaves it in place.
     */
    public static java.util.Set<String> releasingResolutions(ConnectorSettings settings) {
        java.util.Set<String> releasing = java.util.Arrays.stream(settings.option("release-resolutions").orElse("RELEASED,APPROVED,CORRECTED")
                        .split(",")).map(s -> s.strip().toUpperCase(java.util.Locale.ROOT)).filter(s -> !s.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        if (releasing.isEmpty()) {
            throw new IllegalArgumentException("connector " + settings.name() + ": release-resolutions names no resolution, so nothing "
                    + "would ever be released");
        }
        return releasing;
    }

    public HealthReport health() {
        return http.health();
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return http.send(request);
    }

    public HttpResponse<String> exchange(HttpRequest.Builder request) {
        return http.exchange(request);
    }

    public SourceUnavailableException fail(String reason, Throwable cause) {
        return http.fail(reason, cause);
    }

    /** Sends and reads a JSON body; any non-2xx is a failure of the source. */
    public JsonNode json(HttpRequest.Builder request) {
        HttpResponse<String> response = send(request.header("Accept", "application/json"));
        if (response.statusCode() >= 300) {
            throw fail("source answered " + response.statusCode() + " to " + response.request().method() + " "
                    + response.request().uri().getPath(), null);
        }
        return parse(response.body());
    }

    public JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw fail("source sent unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
