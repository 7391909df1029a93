package health.ordo.application.port.out.connector;

import health.ordo.domain.shared.TenantId;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * One configured connector: its name, the tenant it feeds, its adapter type, the source's base URL and adapter-specific
 * options (credentials, filters), e.g. {@code username}, {@code password}, {@code bearer-token}.
 */
public record ConnectorSettings(String name, TenantId tenant, String type, URI baseUrl, Map<String, String> options) {

    public ConnectorSettings {
        options = options == null ? Map.of() : Map.copyOf(options);
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
