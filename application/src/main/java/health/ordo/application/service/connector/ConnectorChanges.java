package health.ordo.application.service.connector;

import health.ordo.application.port.in.connector.ConnectorConfigChange;
import health.ordo.domain.approval.ApprovalRequest;

import java.util.HashMap;
import java.util.Map;

/** A connector change held for approval, as the request's flat parameters (secrets under {@code secret.}) and back. */
public final class ConnectorChanges {

    private static final String OPTION = "option.";

    private ConnectorChanges() {
    }

    public static Map<String, String> toParameters(String id, ConnectorConfigChange change) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("connector", id);
        put(parameters, "type", change.type());
        put(parameters, "baseUrl", change.baseUrl());
        put(parameters, "pageSize", change.pageSize());
        put(parameters, "intervalSeconds", change.intervalSeconds());
        put(parameters, "enabled", change.enabled());
        if (change.options() != null) {
            change.options().forEach((name, value) -> put(parameters, OPTION + name, value));
        }
        if (change.secrets() != null) {
            change.secrets().forEach((name, value) -> parameters.put(ApprovalRequest.SECRET_PREFIX + name, value == null ? "" : value));
        }
        return parameters;
    }

    public static ConnectorConfigChange fromParameters(Map<String, String> parameters) {
        Map<String, String> options = new HashMap<>();
        Map<String, String> secrets = new HashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith(OPTION)) {
                options.put(name.substring(OPTION.length()), value);
            } else if (name.startsWith(ApprovalRequest.SECRET_PREFIX)) {
                secrets.put(name.substring(ApprovalRequest.SECRET_PREFIX.length()), value);
            }
        });
        return new ConnectorConfigChange(parameters.get("type"), parameters.get("baseUrl"), integer(parameters.get("pageSize")),
                integer(parameters.get("intervalSeconds")), parameters.containsKey("enabled") ? Boolean.valueOf(parameters.get("enabled")) : null,
                options, secrets);
    }

    private static void put(Map<String, String> parameters, String name, Object value) {
        if (value != null) {
            parameters.put(name, value.toString());
        }
    }

    private static Integer integer(String value) {
        return value == null ? null : Integer.valueOf(value);
    }
}
