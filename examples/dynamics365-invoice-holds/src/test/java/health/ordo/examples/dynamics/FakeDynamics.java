package health.ordo.examples.dynamics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import health.ordo.tck.SourceFixture;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP stand-in for the Dynamics 365 OData endpoint the adapter uses: it answers the adapter's incremental
 * {@code $filter}/{@code $orderby}/{@code $top} queries, single-entity GETs and PATCHes, and can be made to fail.
 */
final class FakeDynamics implements SourceFixture, AutoCloseable {

    private static final Pattern SINCE = Pattern.compile("ModifiedDateTime gt (\\S+) or \\(ModifiedDateTime eq \\S+ and HeaderReference gt '([^']*)'\\)");
    private static final Pattern TOP = Pattern.compile("\\$top=(\\d+)");
    private static final Pattern ENTITY = Pattern.compile("HeaderReference='([^']+)'");

    private final HttpServer server;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final Map<String, Integer> applied = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final Instant epoch = Instant.parse("2026-11-20T08:00:00Z");

    FakeDynamics() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/data/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        if (failures.get() > 0) {
            failures.decrementAndGet();
            respond(exchange, 503, "{\"error\":{\"message\":\"Service unavailable\"}}");
            return;
        }
        Matcher entity = ENTITY.matcher(path);
        if (entity.find()) {
            Map<String, Object> row = rows.stream().filter(r -> entity.group(1).equals(r.get("HeaderReference"))).findFirst().orElseThrow();
            if ("PATCH".equals(exchange.getRequestMethod())) {
                row.put("IsOnHold", false);
                applied.merge(exchange.getRequestHeaders().getFirst("Ordo-Idempotency-Key"), 1, Integer::sum);
                respond(exchange, 204, "");
            } else {
                respond(exchange, 200, json(row));
            }
            return;
        }
        Matcher since = SINCE.matcher(query);
        String after = since.find() ? since.group(1) + "|" + since.group(2) : "";
        Matcher top = TOP.matcher(query);
        int limit = top.find() ? Integer.parseInt(top.group(1)) : 1000;
        List<String> page = rows.stream().filter(r -> Boolean.TRUE.equals(r.get("IsOnHold")))
                .filter(r -> (r.get("ModifiedDateTime") + "|" + r.get("HeaderReference")).compareTo(after) > 0)
                .limit(limit).map(FakeDynamics::json).toList();
        respond(exchange, 200, "{\"value\":[" + String.join(",", page) + "]}");
    }

    private static String json(Map<String, Object> row) {
        List<String> fields = new ArrayList<>();
        row.forEach((k, v) -> fields.add("\"" + k + "\":" + (v instanceof String s ? "\"" + s + "\"" : String.valueOf(v))));
        return "{" + String.join(",", fields) + "}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private synchronized void add(String amount) {
        int n = rows.size() + 1;
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("dataAreaId", "usmf");
        row.put("HeaderReference", String.format("APINV-%06d", n));
        row.put("InvoiceNumber", "INV-" + (7000 + n));
        row.put("VendorAccount", "US-10" + (n % 9));
        row.put("InvoiceAmount", amount);
        row.put("Currency", "USD");
        row.put("DueDate", "2026-12-" + String.format("%02d", 1 + n % 28) + "T12:00:00Z");
        row.put("IsOnHold", true);
        row.put("HoldReason", "Price match");
        row.put("ModifiedDateTime", epoch.plusSeconds(n).toString());
        rows.add(row);
    }

    @Override
    public void addValidRecords(int count) {
        for (int i = 0; i < count; i++) {
            add((1000 + i) + ".50");
        }
    }

    @Override
    public void addMalformedRecord() {
        add("not a number");
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
