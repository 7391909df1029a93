package health.ordo.adapter.erp.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import health.ordo.adapter.erp.http.ErpHttp;
import health.ordo.adapter.erp.http.SupplierCriticality;
import health.ordo.spi.CanonicalEvent;
import health.ordo.spi.Cursor;
import health.ordo.spi.HealthReport;
import health.ordo.spi.Outcome;
import health.ordo.spi.PullResult;
import health.ordo.spi.Rejection;
import health.ordo.spi.SourceAdapter;
import health.ordo.spi.SourceClosure;
import health.ordo.spi.WorkItemCommand;
import health.ordo.spi.WriteBackResult;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Invoice holds from Oracle Fusion Cloud Payables (REST {@code invoiceHolds}, joined with {@code invoices} and their
 * installments) as INVOICE_HOLD commands; released holds as closures; a completed item's resolution written back as a
 * hold release ({@code PATCH invoiceHolds/{HoldId}} with {@code ReleaseName} and {@code ReleaseReason}).
 * <p>
 * Incremental: {@code q=LastUpdateDate>='…'} ordered by {@code LastUpdateDate} then {@code HoldId}; the cursor is the last
 * record's update time and hold id, so ties at a page boundary are neither skipped nor repeated; a page reads
 * {@value #TIE_ALLOWANCE} holds beyond the batch size for ties, and pages on by offset when even that is all ties. The
 * key of a work item is the {@code HoldId}.
 */
public final class OracleFusionInvoiceHolds implements SourceAdapter {

    public static final String SYSTEM = "oracle-fusion";
    static final String API = "fscmRestApi/resources/11.13.18.05/";
    static final int TIE_ALLOWANCE = 50;
    static final int RELEASE_REASON_LIMIT = 240;
    private static final DateTimeFormatter CURSOR_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);
    private static final String ADF_ITEM = "application/vnd.oracle.adf.resourceitem+json";

    private final URI base;
    private final ErpHttp http;
    private final SupplierCriticality criticality;
    private final Set<String> releasingResolutions;
    private final Map<String, String> releaseNames;

    /**
     * @param base                 the Fusion host, e.g. {@code https://fa-xxxx.oraclecloud.com/}
     * @param releasingResolutions resolution codes that release the hold (others leave it, e.g. a rejected invoice)
     * @param releaseNames         resolution code → Oracle release name; {@code *} for the default
     */
    public OracleFusionInvoiceHolds(URI base, ErpHttp http, SupplierCriticality criticality, Set<String> releasingResolutions,
                                    Map<String, String> releaseNames) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/").resolve(API);
        this.http = http;
        this.criticality = criticality;
        this.releasingResolutions = releasingResolutions.stream().map(r -> r.toUpperCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.releaseNames = Map.copyOf(releaseNames);
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public HealthReport health() {
        return http.health();
    }

    @Override
    public PullResult pull(Cursor since, int max) {
        String[] position = since.value().isEmpty() ? null : since.value().split("\\|", 2);
        int limit = Math.min(max + TIE_ALLOWANCE, 500);
        List<WorkItemCommand> commands = new ArrayList<>();
        List<SourceClosure> closures = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Cursor next = since;
        int taken = 0;
        boolean more;
        int offset = 0;
        // Holds updated in the cursor's own instant come first again; when a whole page is at or before the cursor
        // (more holds share one instant than a page holds), the same query pages on by offset until newer ones show.
        do {
            StringBuilder query = new StringBuilder("invoiceHolds?onlyData=true&orderBy=LastUpdateDate:asc,HoldId:asc&offset=")
                    .append(offset).append("&limit=").append(limit);
            if (position != null) {
                query.append("&q=").append(URLEncoder.encode("LastUpdateDate>='" + position[0] + "'", StandardCharsets.UTF_8));
            }
            JsonNode page = http.json(HttpRequest.newBuilder(base.resolve(query.toString())).GET());
            more = page.path("hasMore").asBoolean(false);
            int read = 0;
            for (JsonNode hold : page.path("items")) {
                read++;
                String key = position(hold);
                if (!since.value().isEmpty() && compare(key, since.value()) <= 0) {
                    continue;
                }
                if (taken == max) {
                    more = true;
                    break;
                }
                taken++;
                next = new Cursor(key);
                String holdId = text(hold, "HoldId");
                try {
                    if (holdId == null) {
                        throw new IllegalArgumentException("HoldId is missing");
                    }
                    if (text(hold, "ReleaseName") != null || text(hold, "ReleaseDate") != null) {
                        closures.add(new SourceClosure(holdId, "released in Oracle Fusion: " + text(hold, "ReleaseName")
                                + (text(hold, "ReleaseReason") == null ? "" : " (" + text(hold, "ReleaseReason") + ")")));
                    } else {
                        commands.add(command(hold, holdId));
                    }
                } catch (IllegalArgumentException e) {
                    rejections.add(new Rejection(holdId, "invoiceHolds/" + (holdId == null ? "?" : holdId), e.getMessage()));
                }
            }
            offset += read;
            if (read == 0) {
                break;
            }
        } while (taken == 0 && more);
        return new PullResult(commands, closures, rejections, next, more);
    }

    /** Cursor text: the update time in UTC with millisecond precision, then the hold id zero-padded so text order is key order. */
    private static String position(JsonNode hold) {
        String updated = text(hold, "LastUpdateDate");
        String time;
        try {
            time = updated == null ? "1970-01-01T00:00:00.000+00:00" : CURSOR_TIME.format(OffsetDateTime.parse(updated));
        } catch (DateTimeParseException e) {
            time = "1970-01-01T00:00:00.000+00:00";
        }
        String id = text(hold, "HoldId");
        return time + "|" + String.format("%020d", id == null || !id.matches("\\d{1,19}") ? 0L : Long.parseLong(id));
    }

    private static int compare(String a, String b) {
        return a.compareTo(b);
    }

    private WorkItemCommand command(JsonNode hold, String holdId) {
        String invoiceNumber = required(hold, "InvoiceNumber");
        String supplier = required(hold, "Supplier");
        String businessUnit = text(hold, "BusinessUnit");
        JsonNode invoice = invoice(invoiceNumber, supplier, businessUnit);
        BigDecimal amount = decimal(invoice, "InvoiceAmount");
        String currency = text(invoice, "InvoiceCurrency");
        if (currency == null) {
            throw new IllegalArgumentException("invoice " + invoiceNumber + ": InvoiceCurrency is missing");
        }
        LocalDate due = null;
        LocalDate discount = null;
        BigDecimal unpaid = null;
        for (JsonNode installment : invoice.path("invoiceInstallments")) {
            LocalDate installmentDue = date(installment, "DueDate");
            if (installmentDue != null && (due == null || installmentDue.isBefore(due))) {
                due = installmentDue;
            }
            LocalDate installmentDiscount = date(installment, "FirstDiscountDate");
            if (installmentDiscount != null && (discount == null || installmentDiscount.isBefore(discount))) {
                discount = installmentDiscount;
            }
            BigDecimal installmentUnpaid = decimal(installment, "UnpaidAmount");
            if (installmentUnpaid != null) {
                unpaid = unpaid == null ? installmentUnpaid : unpaid.add(installmentUnpaid);
            }
        }
        String holdName = text(hold, "HoldName");
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("holdId", holdId);
        attributes.put("invoiceNumber", invoiceNumber);
        attributes.put("supplier", supplier);
        putIfPresent(attributes, "supplierNumber", text(invoice, "SupplierNumber"));
        putIfPresent(attributes, "supplierSite", text(invoice, "SupplierSite"));
        putIfPresent(attributes, "businessUnit", businessUnit);
        putIfPresent(attributes, "holdName", holdName);
        putIfPresent(attributes, "holdReason", text(hold, "HoldReason"));
        attributes.put("holdReasonCategory", HoldReasons.of(holdName).name());
        attributes.put("holdReasonTableVersion", HoldReasons.VERSION);
        putIfPresent(attributes, "holdDate", text(hold, "HoldDate"));
        putIfPresent(attributes, "heldBy", text(hold, "HeldBy"));
        putIfPresent(attributes, "lineHeld", text(hold, "LineHeld"));
        putIfPresent(attributes, "purchaseOrderNumber", text(hold, "PurchaseOrderNumber"));
        putIfPresent(attributes, "receiptNumber", text(hold, "ReceiptNumber"));
        putIfPresent(attributes, "paymentTerms", text(invoice, "PaymentTerms"));
        putIfPresent(attributes, "invoiceId", text(invoice, "InvoiceId"));
        if (unpaid != null) {
            attributes.put("unpaidAmount", unpaid);
        }
        if (discount != null) {
            attributes.put("discountDate", discount.toString());
        }
        criticality.describe(text(invoice, "SupplierNumber"), supplier, text(invoice, "SupplierType"), attributes);
        Instant dueAt = (discount != null ? discount : due) == null ? null : endOfDay(discount != null ? discount : due);
        Instant hardDeadline = due == null ? null : endOfDay(due);
        String title = "Invoice " + invoiceNumber + " on hold: " + (holdName == null ? "hold" : holdName) + " (" + supplier + ")";
        Instant received = instant(text(hold, "HoldDate"));
        return new WorkItemCommand("INVOICE_HOLD", SYSTEM, holdId, title.length() > 300 ? title.substring(0, 300) : title, amount,
                currency, dueAt, hardDeadline, attributes, List.of(new CanonicalEvent("InvoiceReceived", received,
                Map.of("invoiceNumber", invoiceNumber, "supplier", supplier))));
    }

    /** The held invoice, found by number, supplier and business unit (an invoice number alone is not unique). */
    private JsonNode invoice(String invoiceNumber, String supplier, String businessUnit) {
        String q = "InvoiceNumber=" + quote(invoiceNumber) + ";Supplier=" + quote(supplier)
                + (businessUnit == null ? "" : ";BusinessUnit=" + quote(businessUnit));
        JsonNode found = http.json(HttpRequest.newBuilder(base.resolve("invoices?onlyData=true&expand=invoiceInstallments&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).GET());
        JsonNode items = found.path("items");
        if (items.size() != 1) {
            throw new IllegalArgumentException("invoice " + invoiceNumber + " of " + supplier + ": " + items.size() + " invoices match");
        }
        return items.get(0);
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public WriteBackResult writeBack(Outcome outcome) {
        if (!releasingResolutions.contains(outcome.resolution().toUpperCase(java.util.Locale.ROOT))) {
            return new WriteBackResult(WriteBackResult.Status.APPLIED, "resolution " + outcome.resolution() + " does not release the hold");
        }
        URI hold = base.resolve("invoiceHolds/" + URLEncoder.encode(outcome.externalId(), StandardCharsets.UTF_8));
        JsonNode current = http.json(HttpRequest.newBuilder(URI.create(hold + "?onlyData=true")).GET());
        if (text(current, "ReleaseName") != null) {
            return new WriteBackResult(WriteBackResult.Status.ALREADY_APPLIED, "hold already released: " + text(current, "ReleaseName"));
        }
        String releaseName = releaseNames.getOrDefault(outcome.resolution(), releaseNames.getOrDefault("*", "Invoice Quick Released"));
        Map<String, String> body = new LinkedHashMap<>();
        body.put("ReleaseName", releaseName);
        String reason = "Ordo " + outcome.idempotencyKey() + ": " + outcome.resolution()
                + (outcome.note() == null ? "" : " - " + outcome.note());
        // Oracle keeps at most 240 characters of a release reason; a longer one is refused outright
        body.put("ReleaseReason", reason.length() > RELEASE_REASON_LIMIT ? reason.substring(0, RELEASE_REASON_LIMIT - 1) + "…" : reason);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(hold).header("Content-Type", ADF_ITEM)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(ErpHttp.write(body))));
        if (response.statusCode() >= 300) {
            // the status only: what a source answers is never quoted to the tenant (it could be anything the host serves)
            return new WriteBackResult(WriteBackResult.Status.FAILED, "Oracle refused the release (" + response.statusCode() + ")");
        }
        return new WriteBackResult(WriteBackResult.Status.APPLIED, "hold " + outcome.externalId() + " released as " + releaseName);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return value == null ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not a number: " + value);
        }
    }

    private static LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not a date: " + value);
        }
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() <= 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC) : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant endOfDay(LocalDate date) {
        return date.atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
    }

    private static void putIfPresent(Map<String, Object> attributes, String key, String value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }
}
