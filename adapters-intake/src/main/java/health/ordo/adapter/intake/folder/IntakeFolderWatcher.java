package health.ordo.adapter.intake.folder;

import health.ordo.application.port.in.intake.IntakeDocumentsUseCase;
import health.ordo.domain.intake.IntakeDocument;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.spi.folder.WatchedFolder;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Polls the scan folder at {@code ordo.intake.folder.path} for the tenant {@code ordo.intake.folder.tenant}: every file
 * (PDF, image, e-mail, text; the type is read from the bytes, not the name) becomes an intake document with the channel
 * {@code folder:<name>}, where {@code <name>} is {@code ordo.intake.folder.name} (default {@code scans}). A file intake
 * cannot read goes to {@code failed/} with its reason; the rest to {@code processed/} with what became of it. Off unless
 * the path is configured.
 */
@Singleton
@Requires(property = "ordo.intake.folder.path")
public class IntakeFolderWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeFolderWatcher.class);
    private static final Actor ACTOR = new Actor("intake-folder", false);

    private final WatchedFolder<IntakeDocumentsUseCase.Submitted> folder;

    IntakeFolderWatcher(@Property(name = "ordo.intake.folder.path") String path,
                        @Property(name = "ordo.intake.folder.tenant") String tenant,
                        @Property(name = "ordo.intake.folder.name", defaultValue = "scans") String name,
                        @Property(name = "ordo.intake.folder.settle", defaultValue = "2s") Duration settle,
                        IntakeDocumentsUseCase intake, JsonMapper json, Clock clock) {
        this.folder = folder(Path.of(path), TenantId.of(tenant), name, settle, intake, json, clock);
    }

    /** The folder as the watcher runs it; public for tests that drive one round at a time. */
    public static WatchedFolder<IntakeDocumentsUseCase.Submitted> folder(Path root, TenantId tenant, String name, Duration settle,
                                                                        IntakeDocumentsUseCase intake, JsonMapper json, Clock clock) {
        String channel = "folder:" + name;
        return WatchedFolder.everyFile(root, (fileName, bytes) -> intake.submit(tenant, bytes, fileName, channel, ACTOR),
                submitted -> report(submitted, json), settle, clock);
    }

    private static String report(IntakeDocumentsUseCase.Submitted submitted, JsonMapper json) {
        IntakeDocument document = submitted.document();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("document", document.id().toString());
        report.put("duplicate", submitted.duplicate());
        report.put("status", document.status().name());
        if (document.classification() != null) {
            report.put("type", document.classification().type().name());
            report.put("confidence", document.classification().confidence());
        }
        if (document.workItem() != null) {
            report.put("workItem", document.workItem().toString());
        }
        if (document.reviewItem() != null) {
            report.put("reviewItem", document.reviewItem().toString());
        }
        if (document.failure() != null) {
            report.put("failure", document.failure());
        }
        try {
            return json.writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Scheduled(fixedDelay = "${ordo.intake.folder.interval:30s}", initialDelay = "${ordo.intake.folder.initial-delay:5s}")
    void poll() {
        try {
            WatchedFolder.RunResult result = folder.run();
            if (!result.processed().isEmpty() || !result.failed().isEmpty()) {
                LOG.info("intake folder: {} document(s) taken in, {} refused", result.processed().size(), result.failed().size());
            }
        } catch (RuntimeException e) {
            LOG.warn("intake folder round failed; the next round retries", e);
        }
    }
}
