package health.ordo.spi.http;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The way out the deployment gives an adapter: it sends a request only to a destination its {@link OutboundPolicy} admits
 * (checked on the address it connects to), never follows a redirect, reads at most the policy's response cap and gives the
 * whole exchange one deadline. Ordo supplies it (in {@code ConnectorSettings}); an adapter never opens connections of its
 * own for a tenant.
 */
public interface OutboundChannel {

    /** The policy this channel enforces. */
    OutboundPolicy policy();

    /**
     * Sends the request and reads the whole response within {@code deadline} (capped at the policy's longest timeout).
     *
     * @throws OutboundRefusedException           when the destination is refused (nothing was sent)
     * @throws java.net.http.HttpTimeoutException when the deadline passed
     * @throws IOException                        when the source could not be reached or its body was too long
     */
    HttpResponse<String> send(HttpRequest request, Duration deadline) throws IOException;
}
