package health.ordo.application.port.in.connector;

import java.util.Map;

/**
 * What {@code PUT /api/v1/connectors/{id}} carries. A secret left out keeps its stored value (secrets cannot be read
 * back to be re-sent), unless the change moves the connector to another destination; a secret set to an empty string is
 * removed. A secret is always the value itself: references to the server's environment or files are refused.
 */
public record ConnectorConfigChange(String type, String baseUrl, Integer pageSize, Integer intervalSeconds, Boolean enabled,
                                    Map<String, String> options, Map<String, String> secrets) {
}
