package health.ordo.bootstrap;

import com.sun.net.httpserver.HttpServer;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment's own language model writes document summaries: a supplier invoice goes to it with its identifiers masked
 * and comes back summarised (marked with the model's name); a patient's denial letter never goes (PHI is not allowed by
 * default) and keeps its local summary; with the model down, intake carries on with the local summary.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguageModelSummaryTest implements TestPropertyProvider {

    static final String INVOICE = """
            Northwind Surgical Supply, Inc.
            1200 Commerce Park Drive, Columbus, OH 43219
            Federal Tax ID: 84-2291733

            INVOICE

            Invoice Number: NSS-INV-558201
            Invoice Date: November 20, 2026
            Purchase Order: 4500012345
            Bill To: Lakeshore Regional Medical Center, Accounts Payable

            Qty  Item                                   Unit price     Amount
            40   Sterile surgical gown, large              18.50       740.00
            12   Suture kit, absorbable 3-0                42.00       504.00

            Subtotal 1,244.00   Freight 36.00   Total due USD 1,280.00
            Payment terms: Net 30. Please remit by December 20, 2026 to Northwind Surgical Supply, Inc., Lockbox 4471, Columbus OH.
            Questions about this invoice: accounts receivable, (614) 555-0142.
            """;

    private final HttpServer model = start();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;

    private ApiClient api;
    private String admin;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("ordo.intake.language-model.url", "http://127.0.0.1:" + model.getAddress().getPort() + "/v1/chat/completions",
                "ordo.intake.language-model.model", "house-model", "ordo.intake.language-model.timeout", "5s");
    }

    private HttpServer start() {
        try {
            HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            fake.createContext("/v1/chat/completions", exchange -> {
                asked.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] answer = ("{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"Northwind Surgical Supply bills USD 1,280.00 for gowns and suture kits, due December 20, 2026.\"},"
                        + "\"finish_reason\":\"stop\"}]}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(down.get() ? 503 : 200, down.get() ? -1 : answer.length);
                if (!down.get()) {
                    exchange.getResponseBody().write(answer);
                }
                exchange.close();
            });
            fake.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stop() {
        model.stop(0);
    }

    @BeforeEach
    void tenant() {
        String tenant = "lm-" + UUID.randomUUID().toString().substring(0, 6);
        provision.provision(TenantId.of(tenant), "Summaries", List.of(new ProvisionTenantUseCase.NewUser(Login.parse("ana@" + tenant), "Ana",
                "password-of-ana1", Set.of(Role.TENANT_ADMIN, Role.WORKER))));
        api = new ApiClient(server.getURI(), json);
        admin = api.login("ana@" + tenant, "password-of-ana1");
        asked.clear();
        down.set(false);
    }

    @Test
    void aSupplierInvoice_isSummarisedByTheDeploymentsModel_withItsIdentifiersMasked() {
        Map<String, Object> document = upload(INVOICE, "invoice.txt");

        assertThat(document).containsEntry("type", "SUPPLIER_INVOICE").containsEntry("summaryBy", "llm:house-model")
                .containsEntry("summary", "Northwind Surgical Supply bills USD 1,280.00 for gowns and suture kits, due December 20, 2026.");
        assertThat(asked).singleElement().satisfies(request -> assertThat(request)
                .contains("\"model\":\"house-model\"", "Supplier invoice", "Northwind Surgical Supply", "1,280.00")
                .doesNotContain("84-2291733", "NSS-INV-558201", "4500012345", "555-0142"));
    }

    @Test
    void aPatientsDenialLetter_neverReachesTheModel_andKeepsItsLocalSummary() {
        Map<String, Object> document = upload(IntakeApiTest.DENIAL_LETTER, "letter.txt");

        assertThat(document).containsEntry("type", "DENIAL_LETTER").containsEntry("summaryBy", null);
        assertThat((String) document.get("summary")).contains("denied");
        assertThat(asked).isEmpty();
    }

    @Test
    void withTheModelDown_intakeCarriesOnWithTheLocalSummary() {
        down.set(true);

        Map<String, Object> document = upload(INVOICE.replace("November 20", "November 21"), "invoice-2.txt");

        assertThat(asked).hasSize(1);
        assertThat(document).containsEntry("type", "SUPPLIER_INVOICE").containsEntry("summaryBy", null).containsEntry("status", "WORK_CREATED");
        assertThat((String) document.get("summary")).isNotBlank();
    }

    private Map<String, Object> upload(String text, String name) {
        ApiClient.Response uploaded = api.postFile("/api/v1/intake/documents", admin, "file", name, text.getBytes(StandardCharsets.UTF_8),
                "text/plain");
        assertThat(uploaded.status()).isEqualTo(201);
        return api.get("/api/v1/intake/documents/" + uploaded.string("id"), admin).body();
    }
}
