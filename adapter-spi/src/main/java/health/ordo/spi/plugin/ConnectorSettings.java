package health.ordo.spi.plugin;

import health.ordo.spi.http.OutboundChannel;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * One configured connector as its adapter sees it: its name, the tenant it feeds, its type, the source's base URL,
 * its options (credentials included, already decrypted) and the deployment's guarded HTTP channel, the only way out an
 * adapter is given.
 *
 * @param tenant the id of the tenant the connector feeds
 */
public record ConnectorSettings(String name, String tenant, String type, URI baseUrl, Map<String, String> options,
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
        return option(key).orElseThrow(() -> new IllegalArgumentException("connector " + name + ": option " + key + " is required"));
    }
}
