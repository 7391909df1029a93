package health.ordo.adapter.persistence.migration;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.BeanLocator;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.naming.NameResolver;
import io.micronaut.flyway.FlywayConfigurationProperties;
import io.micronaut.flyway.FlywayMigrator;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Migrates the schema as its owner before the application uses the default data source, which logs in as the
 * application role. The owner creates the tables; the application role only gets row privileges (granted by
 * {@code afterMigrate.sql}) and is held to each tenant's rows by row-level security.
 *
 * <p>Micronaut Flyway's own run on data source creation is switched off ({@code flyway.datasources.default.enabled:
 * false}) because it would migrate through the application's pool. The owner's credentials come from
 * {@link DatabaseOwner}; without them the application's own login migrates (it then owns the tables, and the
 * policies still hold because they are {@code FORCE}d).
 */
@Singleton
class SchemaMigration implements BeanCreatedEventListener<DataSource> {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    private final BeanLocator beans;
    private final Provider<FlywayMigrator> migrator;
    private final Provider<DatabaseOwner> owner;
    private final DataSourceResolver resolver;
    private final AtomicBoolean migrated = new AtomicBoolean();
    private final MigrationStatus status;

    SchemaMigration(BeanLocator beans, Provider<FlywayMigrator> migrator, Provider<DatabaseOwner> owner, DataSourceResolver resolver,
                    MigrationStatus status) {
        this.status = status;
        this.beans = beans;
        this.migrator = migrator;
        this.owner = owner;
        this.resolver = resolver;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        boolean isDefault = !(event.getBeanDefinition() instanceof NameResolver names)
                || names.resolveName().map("default"::equals).orElse(true);
        if (!isDefault || !migrated.compareAndSet(false, true)) {
            return event.getBean();
        }
        DatasourceConfiguration datasource = beans.getBean(DatasourceConfiguration.class, Qualifiers.byName("default"));
        FlywayConfigurationProperties flyway = beans.getBean(FlywayConfigurationProperties.class, Qualifiers.byName("default"));
        PGSimpleDataSource ownerSource = new PGSimpleDataSource();
        ownerSource.setURL(datasource.getUrl());
        DatabaseOwner credentials = owner.get();
        String user = credentials.getUsername() != null ? credentials.getUsername() : datasource.getUsername();
        ownerSource.setUser(user);
        ownerSource.setPassword(credentials.getUsername() != null ? credentials.getPassword() : datasource.getPassword());
        LOG.info("Migrating the schema as {}; the application logs in as {}", user, datasource.getUsername());
        migrator.get().run(flyway, ownerSource);
        recordVersion(ownerSource);
        warnIfPoliciesAreBypassed(resolver.resolve(event.getBean()));
        return event.getBean();
    }

    /** The applied schema version, read as the owner (the application role may not read the migration history). */
    private void recordVersion(DataSource ownerSource) {
        try (Connection connection = ownerSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select (select version from flyway_schema_history where success and version is not null "
                     + "order by installed_rank desc limit 1), (select count(*) from flyway_schema_history where not success)")) {
            if (rs.next() && rs.getLong(2) == 0) {
                status.migrated(rs.getString(1));
            } else {
                LOG.error("The migration history records a failed migration: this node does not report ready");
            }
        } catch (SQLException e) {
            LOG.error("Could not read the applied schema version: this node does not report ready ({})", e.getMessage());
        }
    }

    private static void warnIfPoliciesAreBypassed(DataSource application) {
        try (Connection connection = application.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select current_user, rolsuper or rolbypassrls from pg_roles where rolname = current_user")) {
            if (rs.next() && rs.getBoolean(2)) {
                LOG.warn("The application logs in to PostgreSQL as {}, a role that bypasses row-level security: tenant isolation then "
                        + "rests on the application's queries alone. Log in as a role without SUPERUSER and BYPASSRLS.", rs.getString(1));
            }
        } catch (SQLException e) {
            LOG.warn("Could not check the application's database role: {}", e.getMessage());
        }
    }
}
