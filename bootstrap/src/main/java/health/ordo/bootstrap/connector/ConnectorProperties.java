package health.ordo.bootstrap.connector;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code ordo.connectors.<name>.type}, {@code .tenant}, {@code .base-url}, {@code .page-size} (default 100), {@code .interval-seconds} (default 300) and
 * {@code .options.<key>} (credentials and adapter-specific settings).
 */
@EachProperty("ordo.connectors")
public class ConnectorProperties {

    private final String name;
    private String type;
    private String tenant;
    private String baseUrl;
    private int pageSize = 100;
    private int intervalSeconds = 300;
    private Map<String, String> options = new HashMap<>();

    public ConnectorProperties(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public int getIntervalSeconds() {
        return intervalSeconds;
    }

    public void setIntervalSeconds(int intervalSeconds) {
        this.intervalSeconds = intervalSeconds;
    }

    public Map<String, String> getOptions() {
        return options;
    }

    public void setOptions(Map<String, String> options) {
        this.options = options == null ? new HashMap<>() : new HashMap<>(options);
    }
}
