package health.ordo.adapter.erp.sap;

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
import health.ordo.spi.SourceUnavailableException;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Supplier invoices with a payment block from SAP S/4HANA ({@code A_SupplierInvoice} of the OData V2 service
 * {@code API_SUPPLIERINVOICE_PROCESS_SRV}) as PAYMENT_BLOCK commands; a completed item written back through the service's
 * {@code Release} function import with the {@code X-CSRF-Token} fetch-then-send handshake and {@code If-Match} on the
 * invoice's ETag.
 * <p>
 * The entity carries no change timestamp, so the pull is incremental by key: {@code $filter} on a non-blank
 * {@code PaymentBlockingReason} and (FiscalYear, SupplierInvoice) after the cursor, {@code $orderby} the key, {@code $top}
 * the page size, following {@code __next} when the server pages. A reversed invoice becomes a closure. The meaning of a
 * blocking key is customer-configured in SAP, so descriptions come from the connector's {@code block-reasons} option.
 */
public final class SapSupplierInvoicePaymentBlocks implements SourceAdapter {

    public static final String SYSTEM = "sap-s4hana";
    static final String SERVICE = "sap/opu/odata/sap/API_SUPPLIERINVOICE_PROCESS_SRV/";
    private static final Pattern ODATA_DATE = Pattern.compile("/Date\\((-?\\d+)(?:[+-]\\d+)?\\)/");
    private static final String SELECT = String.join(",", "SupplierInvoice", "FiscalYear", "CompanyCode", "DocumentDate", "PostingDate",
            "SupplierInvoiceIDByInvcgParty", "InvoicingParty", "DocumentCurrency", "InvoiceGrossAmount", "PaymentTerms",
            "DueCalculationBaseDate", "CashDiscount1Percent", "CashDiscount1Days", "CashDiscount2Days", "NetPaymentDays", "PaymentBlockingReason",
            "SupplierInvoiceStatus", "SupplierInvoiceIsCreditMemo", "IsReversed", "DocumentHeaderText");

    private final URI service;
    private final ErpHttp http;
    private final SupplierCriticality criticality;
    private final Map<String, String> blockReasons;
    private final Set<String> releasingResolutions;

    /**
     * @param base                 the S/4HANA host, e.g. {@code https://my-s4.example.org:443/}
     * @param blockReasons         blocking key → description, as configured in the customer's SAP
     * @param releasingResolutions resolution codes that release the block (others leave it: a rejected invoice stays blocked)
     */
    public SapSupplierInvoicePaymentBlocks(URI base, ErpHttp http, SupplierCriticality criticality, Map<String, String> blockReasons,
                                           Set<String> releasingResolutions) {
        this.service = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/").resolve(SERVICE);
        this.http = http;
        this.criticality = criticality;
        this.blockReasons = Map.copyOf(blockReasons);
        this.releasingResolutions = releasingResolutions.stream().map(r -> r.toUpperCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
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
        String filter = "PaymentBlockingReason ne ''";
        if (!since.value().isEmpty()) {
            String[] key = since.value().split("/", 2);
            filter += " and (FiscalYear gt " + literal(key[0]) + " or (FiscalYear eq " + literal(key[0])
                    + " and SupplierInvoice gt " + literal(key[1]) + "))";
        }
        String query = "A_SupplierInvoice?$format=json&$select=" + SELECT + "&$orderby=FiscalYear,SupplierInvoice&$top=" + max
                + "&$filter=" + encode(filter);
        JsonNode d = http.json(HttpRequest.newBuilder(service.resolve(query)).GET()).path("d");
        List<WorkItemCommand> commands = new ArrayList<>();
        List<SourceClosure> closures = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Cursor next = since;
        int seen = 0;
        for (JsonNode invoice : d.path("results")) {
            if (seen == max) {
                break;
            }
            seen++;
            String number = text(invoice, "SupplierInvoice");
            String year = text(invoice, "FiscalYear");
            String key = year + "/" + number;
            if (number == null || year == null) {
                rejections.add(new Rejection(null, "A_SupplierInvoice", "SupplierInvoice or FiscalYear is missing"));
                continue;
            }
            next = new Cursor(key);
            try {
                if (invoice.path("IsReversed").asBoolean(false)) {
                    closures.add(new SourceClosure(key, "the supplier invoice was reversed in SAP"));
                } else {
                    commands.add(command(invoice, key));
                }
            } catch (IllegalArgumentException e) {
                rejections.add(new Rejection(key, "A_SupplierInvoice(SupplierInvoice='" + number + "',FiscalYear='" + year + "')", e.getMessage()));
            }
        }
        boolean more = seen == max || d.hasNonNull("__next");
        return new PullResult(commands, closures, rejections, next, more);
    }

    private WorkItemCommand command(JsonNode invoice, String key) {
        String number = text(invoice, "SupplierInvoice");
        String supplier = required(invoice, "InvoicingParty");
        BigDecimal amount = decimal(required(invoice, "InvoiceGrossAmount"), "InvoiceGrossAmount");
        String currency = required(invoice, "DocumentCurrency");
        LocalDate baseline = date(invoice, "DueCalculationBaseDate");
        int discountDays = integer(invoice, "CashDiscount1Days");
        // SAP's net due date: the net days of the terms, else the second discount period's, else the first's.
        int netDays = integer(invoice, "NetPaymentDays") > 0 ? integer(invoice, "NetPaymentDays")
                : integer(invoice, "CashDiscount2Days") > 0 ? integer(invoice, "CashDiscount2Days") : discountDays;
        BigDecimal discountPercent = text(invoice, "CashDiscount1Percent") == null ? BigDecimal.ZERO
                : decimal(text(invoice, "CashDiscount1Percent"), "CashDiscount1Percent");
        LocalDate due = baseline == null ? null : baseline.plusDays(netDays);
        LocalDate discount = baseline == null || discountPercent.signum() == 0 ? null : baseline.plusDays(discountDays);
        String block = required(invoice, "PaymentBlockingReason");
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("supplierInvoice", number);
        attributes.put("fiscalYear", text(invoice, "FiscalYear"));
        putIfPresent(attributes, "companyCode", text(invoice, "CompanyCode"));
        attributes.put("supplier", supplier);
        putIfPresent(attributes, "supplierReference", text(invoice, "SupplierInvoiceIDByInvcgParty"));
        attributes.put("paymentBlockingReason", block);
        attributes.put("paymentBlockDescription", blockReasons.getOrDefault(block, "payment block " + block));
        putIfPresent(attributes, "paymentTerms", text(invoice, "PaymentTerms"));
        putIfPresent(attributes, "supplierInvoiceStatus", text(invoice, "SupplierInvoiceStatus"));
        LocalDate documentDate = date(invoice, "DocumentDate");
        if (documentDate != null) {
            attributes.put("documentDate", documentDate.toString());
        }
        if (baseline != null) {
            attributes.put("baselineDate", baseline.toString());
            attributes.put("netPaymentDays", BigDecimal.valueOf(netDays));
        }
        if (discount != null) {
            attributes.put("discountDate", discount.toString());
            attributes.put("cashDiscountPercent", discountPercent);
        }
        // A single-character flag in SAP ("X" = set), not a boolean.
        boolean creditMemo = "X".equalsIgnoreCase(text(invoice, "SupplierInvoiceIsCreditMemo"))
                || invoice.path("SupplierInvoiceIsCreditMemo").asBoolean(false);
        attributes.put("creditMemo", creditMemo);
        criticality.describe(supplier, null, null, attributes);
        String title = (creditMemo ? "Supplier credit memo " : "Supplier invoice ") + number + " blocked for payment (" + blockReasons.getOrDefault(block, "block " + block)
                + "), supplier " + supplier;
        Instant received = documentDate == null ? null : documentDate.atStartOfDay().toInstant(ZoneOffset.UTC);
        return new WorkItemCommand("PAYMENT_BLOCK", SYSTEM, key, title.length() > 300 ? title.substring(0, 300) : title, amount, currency,
                endOfDay(discount != null ? discount : due), endOfDay(due), attributes,
                List.of(new CanonicalEvent("InvoiceReceived", received, Map.of("supplierInvoice", number, "supplier", supplier))));
    }

    @Override
    public WriteBackResult writeBack(Outcome outcome) {
        if (!releasingResolutions.contains(outcome.resolution().toUpperCase(java.util.Locale.ROOT))) {
            return new WriteBackResult(WriteBackResult.Status.APPLIED, "resolution " + outcome.resolution() + " does not release the block");
        }
        String[] key = outcome.externalId().split("/", 2);
        if (key.length != 2) {
            return new WriteBackResult(WriteBackResult.Status.FAILED, "not a SAP supplier invoice key: " + outcome.externalId());
        }
        URI entity = service.resolve("A_SupplierInvoice(SupplierInvoice=" + encode(literal(key[1])) + ",FiscalYear="
                + encode(literal(key[0])) + ")?$format=json&$select=SupplierInvoice,FiscalYear,PaymentBlockingReason");
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> read = http.exchange(HttpRequest.newBuilder(entity).header("X-CSRF-Token", "Fetch")
                    .header("Accept", "application/json").GET());
            if (read.statusCode() == 404) {
                return new WriteBackResult(WriteBackResult.Status.FAILED, "SAP has no supplier invoice " + outcome.externalId());
            }
            if (read.statusCode() != 200) {
                throw http.fail("SAP answered " + read.statusCode() + " reading " + outcome.externalId(), null);
            }
            JsonNode d = http.parse(read.body()).path("d");
            if (text(d, "PaymentBlockingReason") == null) {
                return new WriteBackResult(WriteBackResult.Status.ALREADY_APPLIED, "invoice " + outcome.externalId() + " is not blocked");
            }
            String token = read.headers().firstValue("x-csrf-token").orElse(null);
            String etag = read.headers().firstValue("ETag").orElse(d.path("__metadata").path("etag").asText(null));
            String cookies = read.headers().allValues("set-cookie").stream().map(c -> c.split(";", 2)[0]).collect(Collectors.joining("; "));
            HttpRequest.Builder release = HttpRequest.newBuilder(service.resolve("Release?SupplierInvoice=" + encode(literal(key[1]))
                            + "&FiscalYear=" + encode(literal(key[0])) + "&DiscountDaysHaveToBeShifted=false"))
                    .header("Accept", "application/json").header("Ordo-Idempotency-Key", outcome.idempotencyKey())
                    .POST(HttpRequest.BodyPublishers.noBody());
            if (token != null) {
                release.header("X-CSRF-Token", token);
            }
            if (etag != null) {
                release.header("If-Match", etag);
            }
            if (!cookies.isEmpty()) {
                release.header("Cookie", cookies);
            }
            HttpResponse<String> released = http.exchange(release);
            if (released.statusCode() == 403 && "required".equalsIgnoreCase(released.headers().firstValue("x-csrf-token").orElse(""))) {
                continue;
            }
            if (released.statusCode() == 412) {
                continue;
            }
            if (released.statusCode() >= 300) {
                // the status only: what a source answers is never quoted to the tenant (it could be anything the host serves)
                return new WriteBackResult(WriteBackResult.Status.FAILED, "SAP refused the release (" + released.statusCode() + ")");
            }
            return new WriteBackResult(WriteBackResult.Status.APPLIED, "invoice " + outcome.externalId() + " released");
        }
        return new WriteBackResult(WriteBackResult.Status.FAILED, "SAP kept refusing the CSRF token or ETag");
    }

    /** An OData string literal: single-quoted, inner quotes doubled. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
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

    private static BigDecimal decimal(String value, String field) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not a decimal: " + value);
        }
    }

    private static int integer(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return value == null ? 0 : new BigDecimal(value).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(field + " is not a whole number: " + value);
        }
    }

    /** OData V2 dates: {@code /Date(1492041600000)/} (epoch milliseconds, UTC). */
    static LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        Matcher m = ODATA_DATE.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException(field + " is not an OData date: " + value);
        }
        return Instant.ofEpochMilli(Long.parseLong(m.group(1))).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static Instant endOfDay(LocalDate date) {
        return date == null ? null : date.atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
    }

    private static void putIfPresent(Map<String, Object> attributes, String key, String value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }
}
