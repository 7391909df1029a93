package health.ordo.adapter.erp.sap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import health.ordo.tck.SourceFixture;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API_SUPPLIERINVOICE_PROCESS_SRV over real HTTP, shaped like SAP's published OpenAPI document: OData V2 JSON
 * ({@code {"d":{"results":[…]}}}, decimals as strings, {@code /Date(ms)/} dates), {@code $filter} on the blocking reason
 * and the key, {@code $top}, entity reads with an ETag and CSRF token fetch, and {@code POST /Release} that demands the
 * token, the session cookie and a matching {@code If-Match}.
 */
final class FakeSapS4 implements SourceFixture, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AFTER = Pattern.compile("FiscalYear eq '(\\d+)' and SupplierInvoice gt '(\\d+)'");
    private static final Pattern TOP = Pattern.compile("\\$top=(\\d+)");
    private static final Pattern KEY = Pattern.compile("SupplierInvoice='(\\d+)',FiscalYear='(\\d+)'");
    private static final Pattern RELEASE = Pattern.compile("SupplierInvoice='(\\d+)'&FiscalYear='(\\d+)'");

    private final HttpServer server;
    final List<ObjectNode> invoices = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> applied = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    final AtomicInteger csrfRefusals = new AtomicInteger();
    /** The next this many valid tokens are refused anyway, as SAP does when a session expired between fetch and use. */
    final AtomicInteger expireNextTokens = new AtomicInteger();

    FakeSapS4() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sap/opu/odata/sap/API_SUPPLIERINVOICE_PROCESS_SRV/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8)
                .substring("/sap/opu/odata/sap/API_SUPPLIERINVOICE_PROCESS_SRV/".length());
        if (failures.get() > 0) {
            failures.decrementAndGet();
            respond(exchange, 503, "{\"error\":{\"code\":\"/IWFND/CM_BEC/026\",\"message\":{\"lang\":\"en\",\"value\":\"Backend unavailable\"}}}");
            return;
        }
        if (path.equals("A_SupplierInvoice")) {
            Matcher after = AFTER.matcher(query);
            String from = after.find() ? after.group(1) + "/" + after.group(2) : "";
            Matcher top = TOP.matcher(query);
            int limit = top.find() ? Integer.parseInt(top.group(1)) : 1000;
            ObjectNode body = JSON.createObjectNode();
            ArrayNode results = body.putObject("d").putArray("results");
            invoices.stream().filter(i -> !i.get("PaymentBlockingReason").asText().isEmpty())
                    .filter(i -> key(i).compareTo(from) > 0).sorted(Comparator.comparing(FakeSapS4::key)).limit(limit).forEach(results::add);
            respond(exchange, 200, body.toString());
        } else if (path.startsWith("A_SupplierInvoice(")) {
            Matcher key = KEY.matcher(path);
            key.find();
            ObjectNode invoice = find(key.group(2) + "/" + key.group(1));
            if (invoice == null) {
                respond(exchange, 404, "{\"error\":{\"message\":{\"value\":\"Resource not found\"}}}");
                return;
            }
            if ("Fetch".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("X-CSRF-Token"))) {
                String session = UUID.randomUUID().toString();
                String token = UUID.randomUUID().toString();
                tokens.put(session, token);
                exchange.getResponseHeaders().add("x-csrf-token", token);
                exchange.getResponseHeaders().add("Set-Cookie", "SAP_SESSIONID=" + session + "; path=/; HttpOnly");
            }
            exchange.getResponseHeaders().add("ETag", etag(invoice));
            ObjectNode body = JSON.createObjectNode();
            body.set("d", invoice);
            respond(exchange, 200, body.toString());
        } else if (path.equals("Release") && "POST".equals(exchange.getRequestMethod())) {
            String cookie = exchange.getRequestHeaders().getFirst("Cookie");
            String session = cookie == null ? "" : cookie.replaceAll(".*SAP_SESSIONID=([^;]+).*", "$1");
            String token = exchange.getRequestHeaders().getFirst("X-CSRF-Token");
            if (token == null || !token.equals(tokens.get(session)) || expireNextTokens.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                csrfRefusals.incrementAndGet();
                exchange.getResponseHeaders().add("x-csrf-token", "Required");
                respond(exchange, 403, "{\"error\":{\"message\":{\"value\":\"CSRF token validation failed\"}}}");
                return;
            }
            Matcher key = RELEASE.matcher(query);
            key.find();
            ObjectNode invoice = find(key.group(2) + "/" + key.group(1));
            if (!etag(invoice).equals(exchange.getRequestHeaders().getFirst("If-Match"))) {
                respond(exchange, 412, "{\"error\":{\"message\":{\"value\":\"Precondition failed\"}}}");
                return;
            }
            invoice.put("PaymentBlockingReason", "");
            invoice.put("version", invoice.get("version").asInt() + 1);
            applied.merge(exchange.getRequestHeaders().getFirst("Ordo-Idempotency-Key"), 1, Integer::sum);
            respond(exchange, 200, "{\"d\":{\"Release\":{\"SupplierInvoice\":\"" + key.group(1) + "\"}}}");
        } else {
            respond(exchange, 404, "{}");
        }
    }

    private ObjectNode find(String key) {
        return invoices.stream().filter(i -> key(i).equals(key)).findFirst().orElse(null);
    }

    private static String key(ObjectNode invoice) {
        return invoice.get("FiscalYear").asText() + "/" + invoice.get("SupplierInvoice").asText();
    }

    private static String etag(ObjectNode invoice) {
        return "W/\"datetime'2026-11-20T08%3A00%3A0" + invoice.get("version").asInt() + "'\"";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    synchronized ObjectNode add(String supplier, String amount, String block) {
        int n = invoices.size() + 1;
        ObjectNode invoice = JSON.createObjectNode();
        invoice.put("SupplierInvoice", String.valueOf(5105600100L + n)).put("FiscalYear", "2026").put("CompanyCode", "1010")
                .put("DocumentDate", "/Date(1763596800000)/").put("PostingDate", "/Date(1763596800000)/")
                .put("SupplierInvoiceIDByInvcgParty", "INV-" + n).put("InvoicingParty", supplier).put("DocumentCurrency", "USD")
                .put("InvoiceGrossAmount", amount).put("PaymentTerms", "0001").put("DueCalculationBaseDate", "/Date(1763596800000)/")
                .put("CashDiscount1Percent", "2.000").put("CashDiscount1Days", "10").put("NetPaymentDays", "30")
                .put("PaymentBlockingReason", block).put("SupplierInvoiceStatus", "5").put("SupplierInvoiceIsCreditMemo", "")
                .put("IsReversed", false).put("version", 1);
        invoices.add(invoice);
        return invoice;
    }

    @Override
    public void addValidRecords(int count) {
        for (int i = 0; i < count; i++) {
            add("17300001", (2000 + i) + ".00", "A");
        }
    }

    @Override
    public void addMalformedRecord() {
        add("17300002", "12,50 EUR", "R");
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
