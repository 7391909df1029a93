package health.ordo.bootstrap;

import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A partner's adapter becomes a connector type by dropping its jar into the plug-in folder: the Dynamics 365 example,
 * built by the example module and copied into {@code target/test-plugins} (it is not on this test's class path), is
 * listed by {@code GET /api/v1/connector-types}, configured through the API and synced against a local stand-in of
 * Dynamics 365, with no line of Ordo's code naming it.
 */
@MicronautTest(transactional = false)
@Property(name = "ordo.plugins.dir", value = "target/test-plugins")
class PluginConnectorTest {

    private static final String TYPE = "dynamics365-invoice-holds";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;

    @Test
    void theExampleJar_inThePluginFolder_isAConnectorType_thatSyncsThroughTheApi() throws IOException {
        assertThat(Path.of("target/test-plugins/dynamics365-invoice-holds.jar")).exists();
        assertThatThrownBy(() -> Class.forName("health.ordo.examples.dynamics.DynamicsInvoiceHoldProvider"))
                .as("the plug-in is not on the class path: it is found in the folder").isInstanceOf(ClassNotFoundException.class);
        String tenant = FreshTenant.provision(provision, "plugin");
        ApiClient api = new ApiClient(server.getURI(), json);
        String ada = api.login("ada@" + tenant, FreshTenant.ADA);

        ApiClient.Response types = api.get("/api/v1/connector-types", ada);
        assertThat(types.status()).isEqualTo(200);
        Map<String, Object> dynamics = types.list("items").stream().filter(t -> TYPE.equals(t.get("type"))).findFirst().orElseThrow();
        assertThat(dynamics).containsEntry("origin", "dynamics365-invoice-holds.jar");
        assertThat((List<Map<String, Object>>) dynamics.get("settings")).anySatisfy(s -> {
            assertThat(s).containsEntry("name", "company").containsEntry("required", true);
        });
        assertThat(types.list("items")).anySatisfy(t -> assertThat(t).containsEntry("type", "oracle-fusion-invoice-holds")
                .containsEntry("origin", "built-in"));

        try (StandInServer d365 = fakeDynamics()) {
            ApiClient.Response missingCompany = api.put("/api/v1/connectors/d365-ap", ada, Map.of("type", TYPE, "baseUrl", d365.url(),
                    "options", Map.of("auth", "bearer"), "secrets", Map.of("bearer-token", "d365-t0ken")));
            ApiClient.Response put = api.put("/api/v1/connectors/d365-ap", ada, Map.of("type", TYPE, "baseUrl", d365.url(),
                    "options", Map.of("company", "usmf", "auth", "bearer"), "secrets", Map.of("bearer-token", "d365-t0ken")));
            ApiClient.Response sync = api.post("/api/v1/connectors/d365-ap:sync", ada, Map.of());

            assertThat(missingCompany.status()).isEqualTo(422);
            assertThat(missingCompany.raw().body()).contains("company");
            assertThat(put.status()).isIn(200, 201);
            assertThat(sync.status()).isEqualTo(200);
            assertThat(sync.body()).containsEntry("itemsCreated", 2);
            assertThat(d365.authorizations).isNotEmpty().allSatisfy(a -> assertThat(a).isEqualTo("Bearer d365-t0ken"));
        }
        List<Map<String, Object>> holds = api.get("/api/v1/work-items?type=INVOICE_HOLD&limit=50", ada).list("items");
        assertThat(holds).hasSize(2).allSatisfy(item -> assertThat(((Map<?, ?>) item.get("source")).get("system")).isEqualTo("dynamics365-finance"));
        assertThat(holds).anySatisfy(item -> assertThat(item.get("title").toString()).contains("INV-7001"));
    }

    /** Dynamics 365 Finance's OData collection of vendor invoice headers, two of them on hold. */
    private static StandInServer fakeDynamics() throws IOException {
        return new StandInServer("/data/VendorInvoiceHeaders", "application/json; odata.metadata=minimal", () -> {
            try {
                return Files.readString(Path.of("src/test/resources/plugins/d365-vendor-invoice-headers.json")).getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
