package health.ordo.adapter.persistence.embedded;

import health.ordo.adapter.persistence.migration.DatabaseOwner;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/** On the embedded server the schema owner is its superuser; the application logs in as {@code ordo_app}. */
@Singleton
@Requires(bean = EmbeddedPostgresServer.class)
class EmbeddedOwnerConfigurer implements BeanCreatedEventListener<DatabaseOwner> {

    @Override
    public DatabaseOwner onCreated(BeanCreatedEvent<DatabaseOwner> event) {
        DatabaseOwner owner = event.getBean();
        owner.setUsername(EmbeddedPostgresServer.OWNER);
        owner.setPassword("");
        return owner;
    }
}
