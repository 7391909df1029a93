package health.ordo.bootstrap.config;

import health.ordo.application.port.in.insights.MaintainInsightsUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps insights current on every node: facts follow item changes, rollups follow changed facts, history imports run.
 * Each round claims its work with row locks, so nodes share it without doing any piece twice.
 */
@Singleton
@Requires(property = "ordo.insights.maintenance.enabled", notEquals = "false")
class InsightsSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(InsightsSchedule.class);

    private final MaintainInsightsUseCase insights;

    InsightsSchedule(MaintainInsightsUseCase insights) {
        this.insights = insights;
    }

    @Scheduled(fixedDelay = "${ordo.insights.refresh-interval:10s}", initialDelay = "${ordo.insights.initial-delay:6s}")
    void refresh() {
        try {
            insights.refreshFacts();
            insights.rollUpChangedDays();
        } catch (RuntimeException e) {
            LOG.warn("Refreshing insight facts failed; the next round retries: {}", e.toString());
        }
    }

    @Scheduled(fixedDelay = "${ordo.insights.import-interval:2s}", initialDelay = "${ordo.insights.initial-delay:6s}")
    void runImports() {
        try {
            while (insights.runNextImport()) {
                insights.rollUpChangedDays();
            }
        } catch (RuntimeException e) {
            LOG.warn("A history import failed; it resumes when its lease ends: {}", e.toString());
        }
    }
}
