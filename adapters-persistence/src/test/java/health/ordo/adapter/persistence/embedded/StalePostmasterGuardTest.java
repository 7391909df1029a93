package health.ordo.adapter.persistence.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 of the JVM that owns the embedded server, then a new start on the same data directory. */
class StalePostmasterGuardTest {

    @TempDir
    Path tempDir;

    @Test
    void givenServerOrphanedByKilledJvm_newStart_stopsTheOrphanAndKeepsCommittedData() throws Exception {
        Path dataDir = tempDir.resolve("pg");
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanedPostgresMaker.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream()));
        String line;
        do {
            line = out.readLine();
        } while (line != null && !line.startsWith("READY"));
        assertThat(line).as("child JVM started its server").startsWith("READY");

        owner.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(owner.waitFor(20, TimeUnit.SECONDS)).isTrue();
        long orphanPid = StalePostmasterGuard.readPid(dataDir.resolve("postmaster.pid")).orElseThrow();
        Optional<ProcessHandle> orphan = ProcessHandle.of(orphanPid);
        assertThat(orphan).hasValueSatisfying(p -> assertThat(p.isAlive()).as("orphan still running").isTrue());

        EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();
        configuration.setDataDir(dataDir);
        configuration.setDatabase("postgres");
        EmbeddedPostgresServer restarted = new EmbeddedPostgresServer(configuration);
        try (Connection connection = DriverManager.getConnection(restarted.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select id from acknowledged")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        } finally {
            restarted.stop();
        }
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).as("orphan stopped").isFalse();
        assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).as("clean stop removes the pid file").isFalse();
    }

    @Test
    void givenPidFileOfDeadProcess_makeSafeToStart_removesIt() throws Exception {
        Path dataDir = Files.createDirectories(tempDir.resolve("stale"));
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Files.writeString(dataDir.resolve("postmaster.pid"), dead.pid() + "\n" + dataDir + "\n");

        StalePostmasterGuard.makeSafeToStart(dataDir);

        assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).isFalse();
    }
}
