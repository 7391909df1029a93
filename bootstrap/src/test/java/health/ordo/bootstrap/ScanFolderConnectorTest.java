package health.ordo.bootstrap;

import health.ordo.adapter.intake.folder.ScanFolderConnectorType;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant's scan folder as a connector (type scan-folder), configured through the connector API: what a fax server drops
 * into it becomes intake documents on the connector's sync, counted in its runs; the folder is named, never a path, and lives
 * under the deployment's scan root in the tenant's own folder.
 */
@MicronautTest(transactional = false)
class ScanFolderConnectorTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;
    @Inject
    ScanFolderConnectorType scanFolders;

    private ApiClient api;
    private String tenant;
    private String admin;

    @BeforeEach
    void tenant() {
        tenant = "sf-" + UUID.randomUUID().toString().substring(0, 6);
        provision.provision(TenantId.of(tenant), "Scans", List.of(new ProvisionTenantUseCase.NewUser(Login.parse("ana@" + tenant), "Ana",
                "password-of-ana1", Set.of(Role.TENANT_ADMIN, Role.WORKER))));
        api = new ApiClient(server.getURI(), json);
        admin = api.login("ana@" + tenant, "password-of-ana1");
    }

    @Test
    void filesDroppedIntoTheTenantsScanFolder_becomeDocumentsOnSync_andTheRunCountsThem() throws IOException {
        Path folder = scanFolders.root().resolve(tenant).resolve("fax-inbox");
        Files.createDirectories(folder);
        FileTime past = FileTime.from(Instant.now().minusSeconds(60));
        Files.setLastModifiedTime(Files.writeString(folder.resolve("fax-0001.txt"), IntakeApiTest.DENIAL_LETTER), past);
        Files.setLastModifiedTime(Files.writeString(folder.resolve("fax-0002.txt"), IntakeApiTest.DENIAL_LETTER), past);
        Files.setLastModifiedTime(Files.write(folder.resolve("cover.zip"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0, 0}), past);
        ApiClient.Response put = api.put("/api/v1/connectors/fax", admin, Map.of("type", "scan-folder", "intervalSeconds", 3600,
                "options", Map.of("folder", "fax-inbox", "settle-seconds", "0")));

        ApiClient.Response synced = api.post("/api/v1/connectors/fax:sync", admin, Map.of());
        ApiClient.Response again = api.post("/api/v1/connectors/fax:sync", admin, Map.of());
        List<Map<String, Object>> runs = api.get("/api/v1/connectors/fax/runs", admin).list("items");
        List<Map<String, Object>> documents = api.get("/api/v1/intake/documents", admin).list("items");

        assertThat(put.status()).isEqualTo(201);
        assertThat(put.body().get("baseUrl")).as("a scan folder reaches no URL").isNull();
        assertThat(synced.status()).isEqualTo(200);
        assertThat(synced.body()).containsEntry("itemsCreated", 1).containsEntry("duplicates", 1).containsEntry("rejected", 1)
                .containsEntry("health", "UP");
        // the scheduled round may take the new connector first; exactly one run found the files, the others nothing
        assertThat(runs).hasSizeGreaterThanOrEqualTo(2).allSatisfy(run -> assertThat(run).containsEntry("status", "SUCCEEDED"));
        assertThat(runs).filteredOn(run -> !Integer.valueOf(0).equals(run.get("fetched"))).singleElement()
                .satisfies(run -> assertThat(run).containsEntry("created", 1).containsEntry("unchanged", 1).containsEntry("failed", 1));
        assertThat(again.body()).containsEntry("itemsCreated", 1);
        assertThat(documents).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("channel", "connector:fax").containsEntry("fileName", "fax-0001.txt")
                    .containsEntry("status", "WORK_CREATED").containsEntry("receivedBy", "connector:fax");
        });
        try (Stream<Path> processed = Files.list(folder.resolve("processed")); Stream<Path> failed = Files.list(folder.resolve("failed"));
             Stream<Path> left = Files.list(folder)) {
            List<String> names = processed.map(p -> p.getFileName().toString()).toList();
            assertThat(names).filteredOn(n -> n.endsWith(".report.json")).hasSize(2);
            Path report = folder.resolve("processed").resolve(names.stream().filter(n -> n.endsWith("fax-0002.txt.report.json")).findFirst().orElseThrow());
            assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("\"duplicate\":true").contains("DENIAL_LETTER");
            assertThat(failed.map(p -> p.getFileName().toString()).toList()).anyMatch(n -> n.endsWith("cover.zip.error.txt"));
            assertThat(left.filter(Files::isRegularFile).toList()).as("nothing is left behind, nothing deleted").isEmpty();
        }
    }

    @Test
    void aFolderIsANameUnderTheTenantsOwnRoot_neverAPath_andAScanFolderTakesNoUrl() {
        ApiClient.Response traversal = put("scan-up", Map.of("folder", "../other-tenant"));
        ApiClient.Response absolute = put("scan-abs", Map.of("folder", "/etc"));
        ApiClient.Response missing = put("scan-none", Map.of());
        Map<String, Object> withUrl = new HashMap<>(Map.of("type", "scan-folder", "baseUrl", "https://example.org",
                "options", Map.of("folder", "fax")));
        ApiClient.Response url = api.put("/api/v1/connectors/scan-url", admin, withUrl);
        List<Map<String, Object>> types = api.get("/api/v1/connector-types", admin).list("items");

        assertThat(List.of(traversal, absolute, missing)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.list("errors")).extracting(e -> e.get("field")).containsExactly("options");
        });
        assertThat(traversal.raw().body()).contains("option folder must be a folder name").doesNotContain(scanFolders.root().toString());
        assertThat(url.status()).isEqualTo(422);
        assertThat(url.list("errors")).extracting(e -> e.get("field")).containsExactly("baseUrl");
        assertThat(types).anySatisfy(t -> {
            assertThat(t).containsEntry("type", "scan-folder").containsEntry("origin", "built-in");
            assertThat(t.get("settings").toString()).contains("folder").contains("settle-seconds");
        });
        assertThat(Files.exists(scanFolders.root().resolve("other-tenant"))).isFalse();
    }

    private ApiClient.Response put(String id, Map<String, String> options) {
        return api.put("/api/v1/connectors/" + id, admin, Map.of("type", "scan-folder", "options", options));
    }
}
