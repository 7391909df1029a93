package health.ordo.bootstrap.config;

import health.ordo.application.service.intake.DocumentClassifier;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the bundled document classifier in the background once the node has started (about 15 s of one core), so the
 * first document a node receives does not wait for it. Off for the admin command line and where configured
 * ({@code ordo.intake.warm-up: false}, as the tests do).
 */
@Singleton
@Requires(property = "ordo.intake.warm-up", notEquals = "false")
@Requires(notEnv = "cli")
class IntakeWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeWarmUp.class);

    private final DocumentClassifier classifier;

    IntakeWarmUp(DocumentClassifier classifier) {
        this.classifier = classifier;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        Thread thread = new Thread(() -> {
            long started = System.nanoTime();
            try {
                classifier.bundledEvaluation();
                LOG.info("bundled document classifier trained and measured in {} ms", (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("training the bundled document classifier failed; intake classifies by keywords until it succeeds: {}", e.toString());
            }
        }, "intake-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }
}
