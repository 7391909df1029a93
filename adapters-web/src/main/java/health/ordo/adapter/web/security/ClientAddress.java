package health.ordo.adapter.web.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;

/**
 * The address a request comes from, for limits and audit: the connection's peer, unless the deployment names the header
 * its own proxy sets ({@code micronaut.server.client-address-header}). {@code Forwarded} and {@code X-Forwarded-For}
 * headers a client sends itself are never believed, so they cannot buy fresh sign-in budgets.
 */
@Singleton
public class ClientAddress {

    private final boolean proxyHeader;
    private final HttpClientAddressResolver resolver;

    ClientAddress(@Nullable @Value("${micronaut.server.client-address-header:}") String header, HttpClientAddressResolver resolver) {
        this.proxyHeader = header != null && !header.isBlank();
        this.resolver = resolver;
    }

    public String of(HttpRequest<?> request) {
        if (proxyHeader) {
            String resolved = resolver.resolve(request);
            if (resolved != null && !resolved.isBlank()) {
                return resolved;
            }
        }
        InetSocketAddress peer = request.getRemoteAddress();
        return peer == null || peer.getAddress() == null ? "unknown" : peer.getAddress().getHostAddress();
    }
}
