package health.ordo.adapter.persistence.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Run in a child JVM by {@link StalePostmasterGuardTest}: starts an embedded PostgreSQL on the given data
 * directory, commits one row, says READY and waits to be killed with SIGKILL, orphaning its server.
 */
public final class OrphanedPostgresMaker {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(new File(args[0]))
                .setCleanDataDirectory(false).start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table acknowledged (id int primary key)");
            statement.execute("insert into acknowledged values (42)");
            System.out.println("READY " + postgres.getPort());
            System.out.flush();
            Thread.sleep(600_000);
        }
    }
}
