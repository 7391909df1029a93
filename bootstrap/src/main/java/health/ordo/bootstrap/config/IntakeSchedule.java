package health.ordo.bootstrap.config;

import health.ordo.application.port.in.intake.MonitorIntakeModelsUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model monitoring for document intake on every node: each tenant's week is compared with the week before, and a
 * drifting tenant gets the week's operations alert (one per week, whichever node finds it first); and every
 * {@code ordo.intake.retrain-interval} (6 h) a candidate classifier is trained for each tenant with
 * {@code ordo.intake.retrain-after-labels} (25) new reviewed labels, its activation asked for (a person approves). Off
 * with {@code ordo.intake.monitoring.enabled=false}.
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

    @Scheduled(fixedDelay = "${ordo.intake.retrain-interval:6h}", initialDelay = "${ordo.intake.retrain-initial-delay:20m}")
    void retrain() {
        try {
            int trained = monitoring.retrainWhereLabelled();
            if (trained > 0) {
                LOG.info("Trained {} candidate document classifiers from new reviewed labels; each waits for approval", trained);
            }
        } catch (RuntimeException e) {
            LOG.warn("Retraining the document classifiers failed; the next round retries: {}", e.toString());
        }
    }
}
