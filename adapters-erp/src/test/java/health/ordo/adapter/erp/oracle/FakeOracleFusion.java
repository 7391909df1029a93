package health.ordo.adapter.erp.oracle;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Oracle Fusion Payables over real HTTP, shaped like the documented REST resources: {@code invoiceHolds} (collection with
 * {@code q} on LastUpdateDate, {@code orderBy}, {@code limit}/{@code offset}/{@code hasMore}; item GET and PATCH release)
 * and {@code invoices} with {@code invoiceInstallments}. Basic authentication is required.
 */
final class FakeOracleFusion implements SourceFixture, AutoCloseable {

    static final String AUTH = "Basic " + java.util.Base64.getEncoder().encodeToString("ap.user:secret".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SINCE = Pattern.compile("LastUpdateDate>='([^']+)'");
    private static final Pattern LIMIT = Pattern.compile("limit=(\\d+)");
    private static final Pattern OFFSET = Pattern.compile("offset=(\\d+)");
    private static final Pattern INVOICE = Pattern.compile("InvoiceNumber='((?:[^']|'')*)';Supplier='((?:[^']|'')*)'");
    private static final Pattern KEY = Pattern.compile("Ordo (\\S+):");

    private final HttpServer server;
    final List<ObjectNode> holds = new CopyOnWriteArrayList<>();
    final Map<String, ObjectNode> invoices = new ConcurrentHashMap<>();
    final List<String> patchContentTypes = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> applied = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    volatile long delayMillis;
    /** When set, a release PATCH is refused with 400 and this body. */
    volatile String refuseReleaseWith;
    private final Instant epoch = Instant.parse("2026-11-20T08:00:00Z");

    FakeOracleFusion() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fscmRestApi/resources/11.13.18.05/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath().substring("/fscmRestApi/resources/11.13.18.05/".length());
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!AUTH.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "");
            return;
        }
        if (failures.get() > 0) {
            failures.decrementAndGet();
            respond(exchange, 503, "Service Unavailable");
            return;
        }
        if (path.equals("invoiceHolds")) {
            Matcher since = SINCE.matcher(query);
            Instant from = since.find() ? OffsetDateTime.parse(since.group(1)).toInstant() : Instant.MIN;
            Matcher limit = LIMIT.matcher(query);
            int size = limit.find() ? Integer.parseInt(limit.group(1)) : 25;
            Matcher offsetParameter = OFFSET.matcher(query);
            int offset = offsetParameter.find() ? Integer.parseInt(offsetParameter.group(1)) : 0;
            List<ObjectNode> matching = holds.stream().filter(h -> !OffsetDateTime.parse(h.get("LastUpdateDate").asText()).toInstant().isBefore(from))
                    .sorted(Comparator.comparing((ObjectNode h) -> OffsetDateTime.parse(h.get("LastUpdateDate").asText()).toInstant())
                            .thenComparing(h -> h.get("HoldId").asLong())).toList();
            ObjectNode page = JSON.createObjectNode();
            ArrayNode items = page.putArray("items");
            matching.stream().skip(offset).limit(size).forEach(items::add);
            page.put("count", items.size()).put("hasMore", matching.size() > offset + size).put("limit", size).put("offset", offset);
            respond(exchange, 200, page.toString());
        } else if (path.startsWith("invoiceHolds/")) {
            String id = path.substring("invoiceHolds/".length());
            ObjectNode hold = holds.stream().filter(h -> h.get("HoldId").asText().equals(id)).findFirst().orElse(null);
            if (hold == null) {
                respond(exchange, 404, "");
            } else if ("PATCH".equals(exchange.getRequestMethod()) && refuseReleaseWith != null) {
                respond(exchange, 400, refuseReleaseWith);
            } else if ("PATCH".equals(exchange.getRequestMethod())) {
                patchContentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                hold.put("ReleaseName", body.get("ReleaseName").asText()).put("ReleaseReason", body.get("ReleaseReason").asText())
                        .put("ReleaseDate", "2026-11-25").put("LastUpdateDate", OffsetDateTime.now(ZoneOffset.UTC).toString());
                Matcher key = KEY.matcher(body.get("ReleaseReason").asText());
                applied.merge(key.find() ? key.group(1) : "?", 1, Integer::sum);
                respond(exchange, 200, hold.toString());
            } else {
                respond(exchange, 200, hold.toString());
            }
        } else if (path.equals("invoices")) {
            Matcher m = INVOICE.matcher(query);
            ObjectNode page = JSON.createObjectNode();
            ArrayNode items = page.putArray("items");
            if (m.find()) {
                ObjectNode invoice = invoices.get(m.group(1).replace("''", "'") + "|" + m.group(2).replace("''", "'"));
                if (invoice != null) {
                    items.add(invoice);
                }
            }
            page.put("count", items.size()).put("hasMore", false);
            respond(exchange, 200, page.toString());
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

    /** Adds an open hold on a new invoice; {@code withInvoice} false makes a hold whose invoice cannot be found. */
    synchronized ObjectNode addHold(String holdName, String supplier, String amount, boolean withInvoice) {
        int n = holds.size() + 1;
        String invoiceNumber = "INV-" + (5000 + n);
        ObjectNode hold = JSON.createObjectNode();
        hold.put("HoldId", 300100170746000L + n).put("InvoiceNumber", invoiceNumber).put("BusinessUnit", "Vision Operations")
                .put("Supplier", supplier).putNull("LineHeld").put("HoldDate", "2026-11-19T10:00:00+00:00").put("HeldBy", "AP.CLERK")
                .put("HoldName", holdName).put("HoldReason", holdName + " hold placed by the system").putNull("ReleaseName")
                .putNull("ReleaseReason").putNull("ReleaseDate").put("WorkflowStatus", "Not required")
                .put("LastUpdateDate", epoch.plusSeconds(n / 2).atOffset(ZoneOffset.UTC).toString().replace("Z", "+00:00"))
                .put("PurchaseOrderNumber", "PO-" + (9000 + n));
        holds.add(hold);
        if (withInvoice) {
            ObjectNode invoice = JSON.createObjectNode();
            invoice.put("InvoiceId", 100000 + n).put("InvoiceNumber", invoiceNumber).put("Supplier", supplier)
                    .put("SupplierNumber", "SUP-" + supplier.length()).put("SupplierSite", "MAIN").put("BusinessUnit", "Vision Operations")
                    .put("InvoiceAmount", amount).put("InvoiceCurrency", "USD").put("PaymentTerms", "2/10 Net 30");
            ArrayNode installments = invoice.putArray("invoiceInstallments");
            installments.addObject().put("InstallmentNumber", 1).put("DueDate", "2026-12-20").put("FirstDiscountDate", "2026-11-30")
                    .put("GrossAmount", amount).put("UnpaidAmount", amount);
            invoices.put(invoiceNumber + "|" + supplier, invoice);
        }
        return hold;
    }

    @Override
    public void addValidRecords(int count) {
        for (int i = 0; i < count; i++) {
            addHold("Amount", "Advanced Network Devices", (1000 + i) + ".00", true);
        }
    }

    @Override
    public void addMalformedRecord() {
        addHold("Price", "Unknown Supplier", "10.00", false);
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
