package health.ordo.adapter.intake.remittance;

import health.ordo.application.port.in.claims.IngestRemittanceUseCase;
import health.ordo.application.port.in.claims.IngestReport;
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
import java.util.Map;

/**
 * Polls the folder at {@code ordo.claims.inbound-folder.path} for the tenant {@code ordo.claims.inbound-folder.tenant}:
 * X12 835 files ({@code .835}, {@code .x12}, {@code .edi}, {@code .txt}) and FHIR ClaimResponse or Bundle files
 * ({@code .json}). Off unless the path is configured.
 */
@Singleton
@Requires(property = "ordo.claims.inbound-folder.path")
class InboundFolderWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(InboundFolderWatcher.class);
    private static final Actor ACTOR = new Actor("inbound-folder", false);
    /** The remittance formats of the claims adapter's readers. */
    static final String X12_835 = "x12-835";
    static final String FHIR = "fhir";

    private final WatchedFolder<IngestReport> folder;

    InboundFolderWatcher(@Property(name = "ordo.claims.inbound-folder.path") String path,
                         @Property(name = "ordo.claims.inbound-folder.tenant") String tenant,
                         @Property(name = "ordo.claims.inbound-folder.settle", defaultValue = "2s") Duration settle,
                         IngestRemittanceUseCase remittances, JsonMapper json, Clock clock) {
        TenantId tenantId = TenantId.of(tenant);
        WatchedFolder.Reader<IngestReport> remittance = (name, bytes) -> remittances.ingest(tenantId, X12_835, bytes, ACTOR);
        this.folder = new WatchedFolder<>(Path.of(path), Map.of("835", remittance, "x12", remittance, "edi", remittance,
                "txt", remittance, "json", (name, bytes) -> remittances.ingest(tenantId, FHIR, bytes, ACTOR)), report -> {
            try {
                return json.writeValueAsString(report);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, settle, clock);
    }

    @Scheduled(fixedDelay = "${ordo.claims.inbound-folder.interval:30s}", initialDelay = "${ordo.claims.inbound-folder.initial-delay:5s}")
    void poll() {
        try {
            WatchedFolder.RunResult result = folder.run();
            if (!result.processed().isEmpty() || !result.failed().isEmpty()) {
                LOG.info("inbound folder: {} file(s) ingested, {} failed", result.processed().size(), result.failed().size());
            }
        } catch (RuntimeException e) {
            LOG.warn("inbound folder round failed; the next round retries", e);
        }
    }
}
