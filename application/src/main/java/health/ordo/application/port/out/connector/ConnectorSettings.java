package health.ordo.application.port.out.connector;

import health.ordo.domain.shared.TenantId;
import health.ordo.spi.http.OutboundChannel;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * One configured connector: its name, the tenant it feeds, its adapter type, the source's base URL and adapter-specific
 * options (credentials, filters), e.g. {@code username}, {@code password}, {@code bearer-token}, and the deployment's
 * guarded HTTP channel, the only way out an adapter is given.
 */
public record ConnectorSettings(String name, TenantId tenant, String type, URI baseUrl, Map<String, String> options,
                                OutboundChannel http) {

    public ConnectorSettings {
        options = options == null ? Map.of() : Map.copyOf(options);
        if (http == null) {
            throw new IllegalArgumentException("connector " + name + ": an outbound channel is required");
        }
    }

    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key)).filter(v -> !v.isBlank());
    }

    /** @throws IllegalArgumentException when the option is not set */
    public String required(String key) {
        return option(key).orElseThrow(() -> new IllegalArgumentException("connector " + name + ": ordo.connectors." + name
                + ".options." + key + " is required"));
    }
}
