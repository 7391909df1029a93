package health.ordo.bootstrap.config;

import health.ordo.application.port.in.intake.MonitorIntakeModelsUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model monitoring for document intake on every node: each tenant's week is compared with the week before, and a
 * drifting tenant gets the week's operations alert (one per week, whichever node finds it first). Off with
 * {@code ordo.intake.monitoring.enabled=false}.
 */
@Singleton
@Requires(property = "ordo.intake.monitoring.enabled", notEquals = "false")
class IntakeSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeSchedule.class);

    private final MonitorIntakeModelsUseCase monitoring;

    IntakeSchedule(MonitorIntakeModelsUseCase monitoring) {
        this.monitoring = monitoring;
    }

    @Scheduled(fixedDelay = "${ordo.intake.drift-interval:6h}", initialDelay = "${ordo.intake.drift-initial-delay:10m}")
    void checkDrift() {
        try {
            int drifted = monitoring.checkAllTenants();
            if (drifted > 0) {
                LOG.warn("Document classification drifted for {} tenants this week: an operations alert was raised for each", drifted);
            }
        } catch (RuntimeException e) {
            LOG.warn("The intake drift check failed; the next round retries: {}", e.toString());
        }
    }
}
