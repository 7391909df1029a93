package health.ordo.adapter.persistence.security;

import health.ordo.adapter.persistence.Sql;
import health.ordo.adapter.persistence.embedded.EmbeddedPostgresServer;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.user.SaveTenantPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenant isolation held by PostgreSQL: queries that forget their tenant filter, run the way every repository runs
 * them (the application's pool, inside a unit of work of the port), still see and change only the scoped tenant's rows.
 */
@MicronautTest(transactional = false)
class RowLevelSecurityTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    @Inject
    TransactionPort tx;
    @Inject
    JdbcOperations jdbc;
    @Inject
    DataSource contextualDataSource;
    @Inject
    DataSourceResolver resolver;
    @Inject
    SaveTenantPort tenants;
    @Inject
    SaveWorkItemPort items;
    @Inject
    EmbeddedPostgresServer postgres;

    private TenantId north;
    private TenantId south;

    @BeforeEach
    void twoTenantsWithWork() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        north = TenantId.of("north-" + suffix);
        south = TenantId.of("south-" + suffix);
        for (TenantId tenant : List.of(north, south)) {
            tx.inTransaction(tenant, () -> tenants.createTenantIfAbsent(tenant, tenant.value()));
            for (int i = 0; i < 3; i++) {
                WorkItem item = WorkItem.create(tenant, new WorkItemContent(WorkItemType.INVOICE_HOLD,
                        new SourceReference("erp", tenant.value() + "-" + i), "Hold " + i, Money.of("10.00", "USD"), null, null,
                        Attributes.of(Map.of()), null), Actor.SYSTEM, NOW);
                tx.inTransaction(tenant, () -> items.insertIfSourceAbsent(item, item.pullChanges()));
            }
        }
    }

    /** A repository query with no tenant filter at all. */
    private List<String> unfilteredTenantsOfWorkItems() {
        return Sql.query(jdbc, "select tenant_id from work_item", rs -> rs.getString(1));
    }

    @Test
    void anUnfilteredQuerySeesOnlyTheScopedTenantsRows() {
        List<String> seenByNorth = tx.readOnly(north, this::unfilteredTenantsOfWorkItems);
        List<String> seenBySouth = tx.inTransaction(south, this::unfilteredTenantsOfWorkItems);

        assertThat(seenByNorth).hasSize(3).containsOnly(north.value());
        assertThat(seenBySouth).hasSize(3).containsOnly(south.value());
    }

    @Test
    void anUnfilteredUpdateOrDeleteCannotReachAnotherTenantsRows() {
        int updated = tx.inTransaction(north, () -> Sql.update(jdbc, "update work_item set title = 'rewritten' where tenant_id = ?",
                south.value()));
        int deleted = tx.inTransaction(north, () -> Sql.update(jdbc, "delete from work_item_history where tenant_id = ?", south.value()));

        assertThat(updated).isZero();
        assertThat(deleted).isZero();
        assertThat(tx.readOnly(south, () -> Sql.query(jdbc, "select title from work_item", rs -> rs.getString(1))))
                .doesNotContain("rewritten").hasSize(3);
    }

    @Test
    void aRowForAnotherTenantCannotBeWrittenFromThisTenantsScope() {
        assertThatThrownBy(() -> tx.inTransaction(north, () -> Sql.update(jdbc,
                "insert into worker (tenant_id, login, queues, skills, capacity, available) values (?, 'intruder', '{}', '[]', 1, true)", south.value())))
                .hasStackTraceContaining("row-level security");
    }

    @Test
    void withoutATenantScopeTheApplicationLoginSeesNothing() throws SQLException {
        try (Connection connection = resolver.resolve(contextualDataSource).getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from work_item")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void theCrossTenantScopeOfPlatformJobsSeesEveryTenant() {
        List<String> seen = tx.readAcrossTenants(this::unfilteredTenantsOfWorkItems);

        assertThat(seen).contains(north.value(), south.value());
    }

    @Test
    void aUnitOfWorkForOneTenantCannotBeNestedInAnothersUnit() {
        assertThatThrownBy(() -> tx.inTransaction(north, () -> tx.readOnly(south, this::unfilteredTenantsOfWorkItems)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(south.value());
    }

    @Test
    void theApplicationLogsInAsARoleThatOwnsNothingAndCannotBypassThePolicies() throws SQLException {
        try (Connection connection = resolver.resolve(contextualDataSource).getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select current_user, r.rolsuper, r.rolbypassrls,
                            (select count(*) from pg_tables where schemaname = current_schema() and tableowner = current_user)
                     from pg_roles r where r.rolname = current_user""")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(EmbeddedPostgresServer.APPLICATION_ROLE);
            assertThat(rs.getBoolean(2)).as("superuser").isFalse();
            assertThat(rs.getBoolean(3)).as("bypassrls").isFalse();
            assertThat(rs.getLong(4)).as("tables owned").isZero();
        }
    }

    @Test
    void theApplicationRoleCanAppendToTheAuditLogButNeverChangeIt() {
        assertThatThrownBy(() -> tx.inTransaction(north, () -> Sql.update(jdbc, "update audit_log set actor = 'nobody'")))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> tx.inTransaction(north, () -> Sql.update(jdbc, "delete from audit_log")))
                .hasStackTraceContaining("permission denied");
    }

    @Test
    void everyTableWithATenantColumnHasAForcedTenantPolicy() throws SQLException {
        List<String> unprotected = new ArrayList<>();
        try (Connection owner = DriverManager.getConnection(postgres.jdbcUrl()); Statement statement = owner.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select c.relname, c.relrowsecurity, c.relforcerowsecurity,
                            exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = 'tenant_isolation')
                     from pg_class c
                     join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
                     join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                     where c.relkind in ('r', 'p')""")) {
            int tables = 0;
            while (rs.next()) {
                tables++;
                if (!rs.getBoolean(2) || !rs.getBoolean(3) || !rs.getBoolean(4)) {
                    unprotected.add(rs.getString(1));
                }
            }
            assertThat(tables).isGreaterThanOrEqualTo(20);
        }
        assertThat(unprotected).as("tenant tables without a forced tenant_isolation policy").isEmpty();
    }
}
