package health.ordo.adapter.persistence.embedded;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * Points the default data source at the embedded server, logged in as the application role (not the schema
 * owner, so row-level security applies to it). It must run while the configuration bean is being
 * initialized: Hikari's configuration copies the URL into its own fields in its post-construct step.
 */
@Singleton
@Requires(bean = EmbeddedPostgresServer.class)
class EmbeddedDataSourceConfigurer implements BeanInitializedEventListener<DatasourceConfiguration> {

    private final Provider<EmbeddedPostgresServer> server;

    EmbeddedDataSourceConfigurer(Provider<EmbeddedPostgresServer> server) {
        this.server = server;
    }

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        if ("default".equals(configuration.getName())) {
            configuration.setUrl(server.get().applicationJdbcUrl());
            configuration.setUsername(EmbeddedPostgresServer.APPLICATION_ROLE);
            configuration.setPassword("");
        }
        return configuration;
    }
}
