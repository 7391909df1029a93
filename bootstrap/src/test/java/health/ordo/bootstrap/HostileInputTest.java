package health.ordo.bootstrap;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Control characters never reach PostgreSQL (400 naming the field), and mutated requests and remittance files never
 * make the server fail (no 5xx): a seeded fuzz of valid inputs, so a failure replays.
 */
@MicronautTest(transactional = false)
class HostileInputTest {

    private static final String NUL = "\u0000";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void aNulCharacterInAnyJsonText_is400NamingItsField() {
        ApiClient api = new ApiClient(server.getURI(), json);
        String ada = api.login("ada@demo", "ada-ordo-demo1");
        Map<String, Object> item = Map.of("type", "INVOICE_HOLD", "source", Map.of("system", "fuzz", "externalId", "NUL-1"),
                "title", "Hold" + NUL, "amount", Map.of("value", "10.00", "currency", "USD"));

        ApiClient.Response single = api.post("/api/v1/work-items", ada, item);
        ApiClient.Response batch = api.post("/api/v1/work-items:batch", ada, Map.of("items", List.of(
                Map.of("type", "INVOICE_HOLD", "source", Map.of("system", "fuzz", "externalId", "NUL-2"), "title", "fine"),
                Map.of("type", "INVOICE_HOLD", "source", Map.of("system", "fuzz", "externalId", "NUL-3" + NUL), "title", "x"))));
        ApiClient.Response queue = api.put("/api/v1/queues/fuzz-q", ada, Map.of("name", "Fuzz\u0007queue"));
        ApiClient.Response login = api.post("/login", null, Map.of("username", "ada@demo" + NUL, "password", "x"));
        ApiClient.Response token = api.postRaw("/oauth/token", null, "grant_type=client_credentials&client_id=a%00b&client_secret=x",
                "application/x-www-form-urlencoded");
        ApiClient.Response kept = api.post("/api/v1/work-items", ada, Map.of("type", "INVOICE_HOLD", "source",
                Map.of("system", "fuzz", "externalId", "TAB-1"), "title", "Line one\nline two\tend"));

        assertThat(single.status()).isEqualTo(400);
        assertThat(single.list("errors")).extracting(e -> e.get("field")).containsExactly("title");
        assertThat(batch.status()).isEqualTo(400);
        assertThat(batch.list("errors")).extracting(e -> e.get("field")).containsExactly("items[1].source.externalId");
        assertThat(queue.list("errors")).extracting(e -> e.get("field")).containsExactly("name");
        assertThat(login.status()).isEqualTo(400);
        assertThat(token.status()).as("a control character in a token request is the client's fault").isBetween(400, 401);
        assertThat(kept.status()).as("tabs and line breaks in free text are kept").isEqualTo(201);
    }

    @Test
    void mutatedRequestsAndRemittanceFiles_neverAnswer5xx() throws Exception {
        ApiClient api = new ApiClient(server.getURI(), json);
        String ada = api.login("ada@demo", "ada-ordo-demo1");
        String valid = "{\"type\":\"INVOICE_HOLD\",\"source\":{\"system\":\"fuzz\",\"externalId\":\"F-%d\"},\"title\":\"Price hold\","
                + "\"amount\":{\"value\":\"1200.50\",\"currency\":\"USD\"},\"dueAt\":\"2030-01-15T17:00:00Z\",\"attributes\":{\"supplier\":\"Acme\"}}";
        String remittance;
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/x12/multi-payer.835")) {
            remittance = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        Random random = new Random(20261204L);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String body = mutate(String.format(valid, i), random);
            ApiClient.Response response = api.postRaw("/api/v1/work-items", ada, body, "application/json");
            if (response.status() >= 500) {
                failures.add(response.status() + " for " + body);
            }
        }
        for (int i = 0; i < 60; i++) {
            String file = mutate(remittance, random);
            ApiClient.Response response = api.postRaw("/api/v1/inbound/x12/835", ada, file, "application/edi-x12");
            if (response.status() >= 500) {
                failures.add(response.status() + " for an 835 mutation " + i);
            }
        }

        assertThat(failures).isEmpty();
    }

    /** One to three random edits: a control character or a stray byte inserted, a character deleted, a cut. */
    private static String mutate(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && out.length() > 1; e++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(5)) {
                case 0 -> out.insert(at, (char) random.nextInt(0x20));
                case 1 -> out.insert(at, "\\u000" + random.nextInt(10));
                case 2 -> out.deleteCharAt(at);
                case 3 -> out.insert(at, "\"}]{*~:" .charAt(random.nextInt(7)));
                default -> out.setLength(Math.max(1, at));
            }
        }
        return out.toString();
    }
}
