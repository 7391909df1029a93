package health.ordo.adapter.persistence.embedded;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Further server settings from configuration reach the embedded PostgreSQL at its start (bound here as the application
 * binds them; started on a server of its own, since the test server is shared and already running).
 */
@MicronautTest(startApplication = false, transactional = false)
@Property(name = "ordo.embedded-postgres.server-config.work_mem", value = "7MB")
@Property(name = "ordo.embedded-postgres.server-config.log_min_duration_statement", value = "2500")
class EmbeddedServerConfigTest {

    @TempDir
    Path dataDir;

    @Inject
    EmbeddedPostgresConfiguration bound;

    @Test
    void serverSettingsFromConfiguration_applyToTheEmbeddedServer() throws Exception {
        EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();
        configuration.setServerConfig(bound.getServerConfig());
        configuration.setDataDir(dataDir);
        configuration.setDatabase("postgres");

        EmbeddedPostgresServer server = new EmbeddedPostgresServer(configuration);
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select current_setting('work_mem'), current_setting('log_min_duration_statement')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("7MB");
            assertThat(rs.getString(2)).isEqualTo("2500ms");
        } finally {
            server.stop();
        }
    }
}
