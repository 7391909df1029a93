package health.ordo.bootstrap;

import health.ordo.application.port.in.connector.ConnectorUseCase;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, before the server takes requests: stored connectors saved before Ordo recorded their source system get it
 * recorded, so completions of their items keep queueing write-backs (the completion decides that by the recorded system).
 */
@Singleton
class ConnectorSourceSystems {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorSourceSystems.class);

    private final ConnectorUseCase connectors;

    ConnectorSourceSystems(ConnectorUseCase connectors) {
        this.connectors = connectors;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        int recorded = connectors.recordSourceSystems();
        if (recorded > 0) {
            LOG.info("Recorded the source system of {} stored connector(s)", recorded);
        }
    }
}
