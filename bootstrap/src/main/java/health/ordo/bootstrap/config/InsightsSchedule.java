package health.ordo.bootstrap.config;

import health.ordo.application.port.in.insights.MaintainInsightsUseCase;
import health.ordo.application.port.in.insights.WatchUseCase;
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
    private final WatchUseCase watch;

    InsightsSchedule(MaintainInsightsUseCase insights, WatchUseCase watch) {
        this.insights = insights;
        this.watch = watch;
    }

    /** The watch looks at each tenant's new whole days (yesterday, or every day since it last looked). */
    @Scheduled(fixedDelay = "${ordo.insights.watch-interval:15m}", initialDelay = "${ordo.insights.watch-initial-delay:90s}")
    void watch() {
        try {
            int found = watch.watchAll();
            if (found > 0) {
                LOG.info("The watch found {} unusual days", found);
            }
        } catch (RuntimeException e) {
            LOG.warn("The watch round failed; the next round retries: {}", e.toString());
        }
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
