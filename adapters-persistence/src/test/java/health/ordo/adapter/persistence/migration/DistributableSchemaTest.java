package health.ordo.adapter.persistence.migration;

import health.ordo.adapter.persistence.embedded.EmbeddedPostgresServer;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the schema distributable by {@code tenant_id} (Citus, docs/scale-out.md), checked on the catalog of the
 * migrated database rather than on the SQL text, so no way of writing a migration escapes it:
 * <ul>
 *   <li>every table has a {@code tenant_id} column (distributed by it), or is a named reference table (copied to every
 *       node) or platform table (kept on the coordinator), each with its reason;</li>
 *   <li>every primary key, unique constraint, unique index and exclusion constraint of a distributed table includes
 *       {@code tenant_id} (a shard can only enforce uniqueness within itself);</li>
 *   <li>every foreign key between distributed tables includes {@code tenant_id} on both sides (co-located joins);</li>
 *   <li>no reference or platform table refers to a distributed table.</li>
 * </ul>
 * A new migration that breaks a rule fails this test, which names the table and constraint.
 */
@MicronautTest(transactional = false)
class DistributableSchemaTest {

    /** Tables copied to every node on Citus, each with why; their keys need not include tenant_id. */
    static final Map<String, String> REFERENCE_TABLES = Map.of(
            "tenant", "small, and referred to by every tenant table",
            "api_client", "a machine client signs in with its client_id before its tenant is known",
            "code_set_published", "the deployment's CARC/RARC lists, read by every tenant's remittance ingestion");

    /** Tables that are not a tenant's, each with why: on Citus they stay on the coordinator. */
    static final Map<String, String> PLATFORM_TABLES = Map.of(
            "flyway_schema_history", "Flyway's own history",
            "rate_limit_bucket", "token buckets keyed by a hash of caller or address; distributable by its own id, never joined",
            "sign_in_failure", "sign-in failure counts keyed by a hash of account or address; distributable by its own id, never joined",
            "event_relay_counter", "the one sequence that numbers every tenant's events for the stream",
            "event_stream_cursor", "how far each Kafka stream has read the relay sequence",
            "insight_watermark", "the platform's progress through changed items for the insight rollups");

    @Inject
    DataSource dataSource;
    @Inject
    DataSourceResolver resolver;
    @Inject
    EmbeddedPostgresServer postgres;

    @Test
    void everyTableOfTheMigratedSchema_isDistributableByTenant() throws SQLException {
        try (Connection connection = resolver.resolve(dataSource).getConnection()) {
            assertThat(violations(connection, connection.getSchema(), REFERENCE_TABLES, PLATFORM_TABLES)).isEmpty();
        }
    }

    @Test
    void theCheck_failsOnDeliberatelyNonDistributableTables() throws SQLException {
        String schema = "distcheck_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl()); Statement ddl = connection.createStatement()) {
            ddl.execute("create schema " + schema);
            try {
                ddl.execute("create table " + schema + ".tenant (id text primary key)");
                ddl.execute("create table " + schema + ".note (id uuid primary key, body text)");
                ddl.execute("create table " + schema + ".ticket (tenant_id text not null references " + schema + ".tenant (id), "
                        + "id uuid primary key, number text, unique (tenant_id, number))");
                ddl.execute("create table " + schema + ".ticket_line (tenant_id text not null, ticket_id uuid not null references "
                        + schema + ".ticket (id), line int, primary key (tenant_id, ticket_id, line))");
                ddl.execute("create unique index ticket_by_number on " + schema + ".ticket (number)");

                List<String> violations = violations(connection, schema, Map.of("tenant", "test"), Map.of());

                assertThat(violations).containsExactlyInAnyOrder(
                        "note: no tenant_id column (a tenant's table needs one; a reference or platform table is named with its reason)",
                        "ticket: primary key ticket_pkey does not include tenant_id",
                        "ticket: unique index ticket_by_number does not include tenant_id",
                        "ticket_line: foreign key ticket_line_ticket_id_fkey to ticket does not include tenant_id on both sides");
            } finally {
                ddl.execute("drop schema " + schema + " cascade");
            }
        }
    }

    /** What in the schema would not distribute by tenant, a line each. */
    static List<String> violations(Connection connection, String schema, Map<String, String> reference, Map<String, String> platform)
            throws SQLException {
        List<String> violations = new ArrayList<>();
        List<String> tenantTables = new ArrayList<>();
        for (String table : strings(connection, """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relkind in ('r', 'p') and not c.relispartition order by 1""", schema)) {
            boolean hasTenant = !strings(connection, """
                    select a.attname from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = ? and c.relname = ? and a.attname = 'tenant_id' and not a.attisdropped""", schema, table).isEmpty();
            if (hasTenant && !reference.containsKey(table)) {
                tenantTables.add(table);
            } else if (!reference.containsKey(table) && !platform.containsKey(table)) {
                violations.add(table + ": no tenant_id column (a tenant's table needs one; a reference or platform table is named with its reason)");
            }
        }
        for (String table : tenantTables) {
            String column = "tenant_id";
            for (String constraint : strings(connection, """
                    select case k.contype when 'p' then 'primary key ' when 'u' then 'unique constraint ' else 'exclusion constraint ' end
                           || k.conname
                    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = ? and c.relname = ? and k.contype in ('p', 'u', 'x')
                      and not exists (select 1 from pg_attribute a where a.attrelid = k.conrelid and a.attnum = any (k.conkey)
                                      and a.attname = ?) order by 1""", schema, table, column)) {
                violations.add(table + ": " + constraint + " does not include " + column);
            }
            for (String index : strings(connection, """
                    select i.relname from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
                    join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = ? and c.relname = ? and x.indisunique
                      and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)
                      and not exists (select 1 from pg_attribute a where a.attrelid = x.indrelid and a.attnum = any (x.indkey)
                                      and a.attname = ?) order by 1""", schema, table, column)) {
                violations.add(table + ": unique index " + index + " does not include " + column);
            }
        }
        for (String[] key : foreignKeys(connection, schema)) {
            String from = key[0];
            String to = key[1];
            boolean fromTenant = tenantTables.contains(from);
            boolean toTenant = tenantTables.contains(to);
            if (fromTenant && toTenant && !"true".equals(key[3])) {
                violations.add(from + ": foreign key " + key[2] + " to " + to + " does not include tenant_id on both sides");
            } else if (!fromTenant && toTenant) {
                violations.add(from + ": a reference or platform table refers to the distributed table " + to + " (" + key[2] + ")");
            }
        }
        return violations;
    }

    /** Foreign keys as {from, to, name, whether tenant_id is paired with tenant_id}. */
    private static List<String[]> foreignKeys(Connection connection, String schema) throws SQLException {
        List<String[]> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select c.relname, t.relname, k.conname,
                       exists (select 1 from unnest(k.conkey, k.confkey) as pair(own, other)
                               join pg_attribute a on a.attrelid = k.conrelid and a.attnum = pair.own
                               join pg_attribute b on b.attrelid = k.confrelid and b.attnum = pair.other
                               where a.attname = 'tenant_id' and b.attname = 'tenant_id')
                from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class t on t.oid = k.confrelid
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and k.contype = 'f' order by 1, 3""")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.add(new String[]{rows.getString(1), rows.getString(2), rows.getString(3), Boolean.toString(rows.getBoolean(4))});
                }
            }
        }
        return keys;
    }

    private static List<String> strings(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
