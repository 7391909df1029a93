package health.ordo.adapter.intake.folder;

import health.ordo.spi.Cursor;
import health.ordo.spi.DocumentFeed;
import health.ordo.spi.HealthReport;
import health.ordo.spi.Outcome;
import health.ordo.spi.PullResult;
import health.ordo.spi.SourceAdapter;
import health.ordo.spi.SourceUnavailableException;
import health.ordo.spi.WriteBackResult;
import health.ordo.spi.folder.WatchedFolder;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tenant's scan folder as a connector's source: it has no records to pull, only documents to deliver. Each settled file
 * goes to intake; afterwards it sits in {@code processed/} with its receipt as {@code .report.json}, or in {@code failed/}
 * with the reason intake refused it as {@code .error.txt} (see {@link WatchedFolder}); nothing is deleted.
 */
final class ScanFolderSource implements SourceAdapter, DocumentFeed {

    private final Path folder;
    private final String name;
    private final Duration settle;
    private final JsonMapper json;
    private final Clock clock;

    ScanFolderSource(Path folder, String name, Duration settle, JsonMapper json, Clock clock) {
        this.folder = folder;
        this.name = name;
        this.settle = settle;
        this.json = json;
        this.clock = clock;
    }

    /** Each folder is a source of its own, so a tenant may run several (a fax inbox, a portal's downloads). */
    @Override
    public String system() {
        return ScanFolderConnectorType.TYPE + ":" + name;
    }

    @Override
    public PullResult pull(Cursor since, int max) {
        return new PullResult(List.of(), List.of(), since, false);
    }

    @Override
    public HealthReport health() {
        if (Files.isDirectory(folder) && Files.isWritable(folder)) {
            return HealthReport.up(clock.instant());
        }
        return new HealthReport(HealthReport.Status.DOWN, "the scan folder " + name + " cannot be written", clock.instant());
    }

    @Override
    public WriteBackResult writeBack(Outcome outcome) {
        return new WriteBackResult(WriteBackResult.Status.FAILED, "a scan folder takes no write-backs");
    }

    @Override
    public Optional<DocumentFeed> documents() {
        return Optional.of(this);
    }

    @Override
    public Delivery deliver(Intake intake) {
        WatchedFolder<Receipt> watched = WatchedFolder.everyFile(folder, intake::take, this::report, settle, clock);
        try {
            WatchedFolder.RunResult result = watched.run();
            return new Delivery(result.processed().size(), result.failed().size());
        } catch (UncheckedIOException e) {
            throw new SourceUnavailableException("the scan folder " + name + " cannot be read", e);
        }
    }

    private String report(Receipt receipt) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("document", receipt.document());
        report.put("duplicate", receipt.duplicate());
        report.put("status", receipt.status());
        report.put("outcome", receipt.outcome());
        try {
            return json.writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path folder() {
        return folder;
    }
}
