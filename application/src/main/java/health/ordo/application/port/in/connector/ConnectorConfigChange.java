package health.ordo.application.port.in.connector;

import java.util.Map;

/**
 * What {@code PUT /api/v1/connectors/{id}} carries. A secret left out keeps its stored value (secrets cannot be read
 * back to be re-sent); a secret set to an empty string is removed; {@code env:NAME} stores a reference to the
 * environment variable NAME instead of the value.
 */
public record ConnectorConfigChange(String type, String baseUrl, Integer pageSize, Integer intervalSeconds, Boolean enabled,
                                    Map<String, String> options, Map<String, String> secrets) {
}
