package health.ordo.adapter.persistence.embedded;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.nio.file.Path;
import java.util.Map;

/** Settings of the embedded PostgreSQL ({@code ordo.embedded-postgres.*}). */
@ConfigurationProperties("ordo.embedded-postgres")
public class EmbeddedPostgresConfiguration {

    private Path dataDir = Path.of("data", "pg");
    private int port;
    private String database = "ordo";
    private boolean keepRunning;
    private boolean cleanOnStart;
    private Map<String, String> serverConfig = Map.of();

    /** Where the cluster lives; kept across restarts. Default {@code ./data/pg}. */
    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** TCP port on 127.0.0.1; 0 picks a free one at each start. */
    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    /**
     * Leave the server running when the application context closes (it then stops when the JVM exits).
     * Tests set it so that all test contexts of one JVM share one server.
     */
    public boolean isKeepRunning() {
        return keepRunning;
    }

    public void setKeepRunning(boolean keepRunning) {
        this.keepRunning = keepRunning;
    }

    /** Wipe the data directory the first time this JVM starts the server on it (tests only). */
    public boolean isCleanOnStart() {
        return cleanOnStart;
    }

    public void setCleanOnStart(boolean cleanOnStart) {
        this.cleanOnStart = cleanOnStart;
    }

    /**
     * Further server settings passed at start ({@code ordo.embedded-postgres.server-config.work_mem=64MB}), e.g.
     * {@code shared_preload_libraries=pg_stat_statements} to see what each statement costs in a benchmark run.
     */
    public Map<String, String> getServerConfig() {
        return serverConfig;
    }

    public void setServerConfig(Map<String, String> serverConfig) {
        this.serverConfig = serverConfig == null ? Map.of() : Map.copyOf(serverConfig);
    }
}
