package health.ordo.bootstrap;

import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Black box over HTTP with the scheduled rounds running: a tenant administrator subscribes a receiver, completes an item,
 * the receiver gets the signed WorkItemCompleted within seconds, and the same event is in the feed; bad subscriptions are
 * refused naming the field; a rotated secret and the previous one both sign during the overlap.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsApiTest implements TestPropertyProvider {

    private WebhookReceiver receiver;

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;

    @Override
    public Map<String, String> getProperties() {
        try {
            receiver = new WebhookReceiver();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("ordo.events.relay-interval", "100ms", "ordo.events.delivery-interval", "100ms", "ordo.events.initial-delay", "0s");
    }

    @AfterAll
    void stop() {
        receiver.close();
    }

    private static String completedItem(ApiClient api, String admin, String externalId) {
        String item = api.post("/api/v1/work-items", admin, Map.of("type", "INVOICE_HOLD", "source", Map.of("system", "oracle-fusion",
                "externalId", externalId), "title", "Price hold", "amount", Map.of("value", "840.00", "currency", "USD"))).string("id");
        api.post("/api/v1/work-items/" + item + "/claim", admin, Map.of());
        api.post("/api/v1/work-items/" + item + "/start", admin, Map.of());
        assertThat(api.post("/api/v1/work-items/" + item + "/complete", admin, Map.of("resolutionCode", "RELEASED")).status()).isEqualTo(200);
        return item;
    }

    @Test
    void subscribe_completeAnItem_receiveTheSignedEventWithinSeconds_andReadItFromTheFeed() throws Exception {
        String tenant = FreshTenant.provision(provision, "events");
        ApiClient api = new ApiClient(server.getURI(), json);
        String admin = api.login("ada@" + tenant, FreshTenant.ADA);

        ApiClient.Response created = api.post("/api/v1/webhook-subscriptions", admin, Map.of("url", receiver.url("/api"),
                "eventTypes", List.of("WorkItemCompleted", "InvoiceHoldReleased"), "description", "ERP listener"));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.string("secret");
        String id = created.string("id");
        assertThat(secret).startsWith("whsec_");
        String item = completedItem(api, admin, "HOLD-1");

        Eventually.until(() -> receiver.at("/api").size() >= 2, "both events at the receiver", Duration.ofSeconds(15));

        List<WebhookReceiver.Received> got = receiver.at("/api");
        assertThat(got).hasSize(2);
        WebhookReceiver.Received completed = got.stream().filter(r -> r.body().contains("\"type\":\"WorkItemCompleted\"")).findFirst().orElseThrow();
        assertThat(WebhookReceiver.verify(secret, completed)).isTrue();
        assertThat(completed.body()).contains("\"subject\":\"" + item + "\"").contains("\"source\":\"/ordo/tenants/" + tenant + "\"");
        assertThat(got).anySatisfy(r -> assertThat(r.body()).contains("\"type\":\"InvoiceHoldReleased\"").contains("\"resolution\":\"RELEASED\""));

        ApiClient.Response page = api.get("/api/v1/events?types=WorkItemCompleted", admin);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.list("events")).singleElement().satisfies(e -> {
            assertThat(e.get("id")).isEqualTo(completed.id());
            assertThat(e.get("type")).isEqualTo("WorkItemCompleted");
            assertThat(e.get("subject")).isEqualTo(item);
        });
        ApiClient.Response all = api.get("/api/v1/events?limit=2", admin);
        ApiClient.Response rest = api.get("/api/v1/events?after=" + all.string("next"), admin);
        assertThat(all.list("events")).hasSize(2);
        assertThat(rest.list("events")).extracting(e -> e.get("ordoposition")).doesNotContainAnyElementsOf(
                all.list("events").stream().map(e -> e.get("ordoposition")).toList());
        ApiClient.Response deliveries = api.get("/api/v1/webhook-subscriptions/" + id + "/deliveries", admin);
        assertThat(deliveries.list("items")).hasSize(2).allSatisfy(d -> {
            assertThat(d.get("status")).isEqualTo("DELIVERED");
            assertThat((List<?>) d.get("attemptLog")).hasSize(1);
        });
        assertThat(api.get("/api/v1/webhook-subscriptions", admin).raw().body()).contains(id).doesNotContain(secret).doesNotContain("whsec_");
    }

    @Test
    void aRotatedSecret_andThePreviousOne_bothSignDuringTheOverlap() throws Exception {
        String tenant = FreshTenant.provision(provision, "rotate");
        ApiClient api = new ApiClient(server.getURI(), json);
        String admin = api.login("ada@" + tenant, FreshTenant.ADA);
        ApiClient.Response created = api.post("/api/v1/webhook-subscriptions", admin, Map.of("url", receiver.url("/rotate"),
                "eventTypes", List.of("WorkItemCompleted")));
        String id = created.string("id");

        ApiClient.Response rotated = api.post("/api/v1/webhook-subscriptions/" + id + ":rotate-secret", admin, Map.of("overlapHours", 2));
        completedItem(api, admin, "HOLD-R");
        Eventually.until(() -> receiver.at("/rotate").size() >= 1, "the event at the receiver", Duration.ofSeconds(15));

        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.string("secret")).startsWith("whsec_").isNotEqualTo(created.string("secret"));
        assertThat(rotated.string("previousSecretValidUntil")).isNotNull();
        WebhookReceiver.Received got = receiver.at("/rotate").get(0);
        assertThat(got.signature().split(" ")).hasSize(2);
        assertThat(WebhookReceiver.verify(rotated.string("secret"), got)).isTrue();
        assertThat(WebhookReceiver.verify(created.string("secret"), got)).isTrue();
    }

    @Test
    void badSubscriptionsAndFeedCursors_areRefusedNamingTheField_andTheCatalogueHasSchemas() {
        String tenant = FreshTenant.provision(provision, "evbad");
        ApiClient api = new ApiClient(server.getURI(), json);
        String admin = api.login("ada@" + tenant, FreshTenant.ADA);
        String sam = api.login("sam@" + tenant, FreshTenant.SAM);

        ApiClient.Response unknownType = api.post("/api/v1/webhook-subscriptions", admin, Map.of("url", receiver.url("/x"),
                "eventTypes", List.of("WorkItemCompleted", "WorkItemExploded")));
        ApiClient.Response metadata = api.post("/api/v1/webhook-subscriptions", admin, Map.of("url", "http://169.254.169.254/latest/"));
        ApiClient.Response noUrl = api.post("/api/v1/webhook-subscriptions", admin, Map.of("eventTypes", List.of()));
        ApiClient.Response cursor = api.get("/api/v1/events?after=yesterday", admin);
        ApiClient.Response bySupervisor = api.get("/api/v1/webhook-subscriptions", sam);
        ApiClient.Response types = api.get("/api/v1/event-types", admin);
        ApiClient.Response denial = api.get("/api/v1/event-types/DenialClassified", admin);
        ApiClient.Response missing = api.get("/api/v1/event-types/Nope", admin);

        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.raw().body()).contains("eventTypes[1]").contains("WorkItemExploded");
        assertThat(metadata.status()).isEqualTo(400);
        assertThat(metadata.raw().body()).contains("\"url\"");
        assertThat(noUrl.status()).isEqualTo(400);
        assertThat(noUrl.raw().body()).contains("url");
        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.raw().body()).contains("after");
        assertThat(bySupervisor.status()).isEqualTo(403);
        assertThat(types.list("items")).extracting(t -> t.get("name")).contains("WorkItemCreated", "WorkItemCompleted", "SlaBreached",
                "DenialClassified", "InvoiceHoldReleased", "SupplierApproved", "EmployeeOnboarded", "PaymentExceptionEscalated", "AnomalyDetected");
        assertThat(denial.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> schema = (Map<String, Object>) denial.body().get("schema");
        assertThat(schema).containsEntry("type", "object").containsKey("properties");
        assertThat(String.valueOf(schema.get("required"))).contains("category");
        assertThat(missing.status()).isEqualTo(404);
    }
}
