package health.ordo.adapter.hr.workday;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import health.ordo.tck.SourceFixture;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Workday Reports-as-a-Service over real HTTP: a custom report answering {@code {"Report_Entry":[…]}} (references as
 * objects with {@code descriptor} and {@code id}, as RaaS renders them), behind an OAuth token endpoint with the
 * refresh-token grant; plus an inbound endpoint for outcomes that dedupes on {@code Idempotency-Key}.
 */
final class FakeWorkday implements SourceFixture, AutoCloseable {

    static final String REPORT = "/ccx/service/customreport2/acme/ISU_Ordo/Ordo_New_Hires";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    final List<ObjectNode> entries = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> applied = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    final AtomicInteger tokensIssued = new AtomicInteger();
    private final Instant epoch = Instant.parse("2026-11-20T08:00:00Z");

    FakeWorkday() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/ccx/oauth2/acme/token")) {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!form.contains("grant_type=refresh_token") || !form.contains("refresh_token=rt-123")) {
                respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
                return;
            }
            tokensIssued.incrementAndGet();
            respond(exchange, 200, "{\"access_token\":\"at-" + tokensIssued.get() + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer at-")) {
            respond(exchange, 401, "");
            return;
        }
        if (failures.get() > 0) {
            failures.decrementAndGet();
            respond(exchange, 503, "");
            return;
        }
        if (path.equals(REPORT)) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode report = body.putArray("Report_Entry");
            entries.forEach(report::add);
            respond(exchange, 200, body.toString());
        } else if (path.equals("/ordo/outcomes") && "POST".equals(exchange.getRequestMethod())) {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (applied.containsKey(key)) {
                respond(exchange, 409, "{\"error\":\"duplicate\"}");
                return;
            }
            applied.put(key, 1);
            respond(exchange, 201, "{}");
        } else {
            respond(exchange, 404, "");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    synchronized ObjectNode hire(String startDate) {
        int n = entries.size() + 1;
        ObjectNode entry = JSON.createObjectNode();
        entry.put("Event_ID", "HIRE-" + (7000 + n));
        entry.putObject("Worker_ID").put("descriptor", "E" + (21000 + n)).put("id", "E" + (21000 + n));
        entry.put("Worker", "Nurse " + n).put("Event_Type", "Hire").put("Effective_Date", startDate)
                .put("Position", "Registered Nurse - ICU").put("Location", "Main Campus").put("Event_Status", "Successfully Completed")
                .put("Last_Updated", epoch.plusSeconds(n / 2).atOffset(ZoneOffset.ofHours(-8)).toString());
        entries.add(entry);
        return entry;
    }

    @Override
    public void addValidRecords(int count) {
        for (int i = 0; i < count; i++) {
            hire("2026-12-14");
        }
    }

    @Override
    public void addMalformedRecord() {
        hire("next Monday");
    }

    @Override
    public void failNextCalls(int calls) {
        failures.set(calls);
    }

    @Override
    public int timesApplied(String idempotencyKey) {
        return applied.getOrDefault(idempotencyKey, 0);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
