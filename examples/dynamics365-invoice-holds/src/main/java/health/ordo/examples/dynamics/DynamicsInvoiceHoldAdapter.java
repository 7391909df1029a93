package health.ordo.examples.dynamics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.ordo.spi.CanonicalEvent;
import health.ordo.spi.Cursor;
import health.ordo.spi.HealthReport;
import health.ordo.spi.Outcome;
import health.ordo.spi.PullResult;
import health.ordo.spi.Rejection;
import health.ordo.spi.SourceAdapter;
import health.ordo.spi.SourceUnavailableException;
import health.ordo.spi.WorkItemCommand;
import health.ordo.spi.WriteBackResult;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import health.ordo.spi.http.Auth;
import health.ordo.spi.http.OutboundChannel;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Vendor invoices on hold in Dynamics 365 Finance and Operations, pulled from the OData collection
 * {@code /data/VendorInvoiceHeaders} incrementally by ({@code ModifiedDateTime}, {@code HeaderReference}), and released
 * by PATCHing {@code IsOnHold=false}. {@code IsOnHold}, {@code HoldReason} and {@code ModifiedDateTime} are the fields a
 * tenant exposes on the entity for this purpose (an extension in most installations).
 */
public final class DynamicsInvoiceHoldAdapter implements SourceAdapter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String company;
    private final Auth auth;
    private final OutboundChannel http;
    private volatile HealthReport health = HealthReport.up(Instant.now());

    /** @param http the deployment's outbound channel (from {@code ConnectorSettings}): an adapter opens no connections of its own */
    /**
     * @param company the legal entity ({@code dataAreaId}), letters and digits only
     * @param auth    how calls authenticate: Microsoft Entra ID client credentials in production ({@link Auth#fromOptions})
     */
    public DynamicsInvoiceHoldAdapter(URI base, String company, Auth auth, OutboundChannel http) {
        if (company == null || !company.matches("[A-Za-z0-9]{1,10}")) {
            throw new IllegalArgumentException("company must be a Dynamics 365 legal entity id (letters and digits), not " + company);
        }
        this.http = http;
        this.base = base;
        this.company = company;
        this.auth = auth;
    }

    @Override
    public String system() {
        return "dynamics365-finance";
    }

    @Override
    public PullResult pull(Cursor since, int max) {
        String[] position = since.value().isEmpty() ? new String[]{"1900-01-01T00:00:00Z", ""} : since.value().split("\\|", 2);
        String filter = "dataAreaId eq '" + company + "' and IsOnHold eq true and (ModifiedDateTime gt " + position[0]
                + " or (ModifiedDateTime eq " + position[0] + " and HeaderReference gt '" + position[1] + "'))";
        JsonNode page = call(HttpRequest.newBuilder(base.resolve("/data/VendorInvoiceHeaders?$filter=" + encode(filter)
                + "&$orderby=" + encode("ModifiedDateTime,HeaderReference") + "&$top=" + (max + 1))).GET());
        List<WorkItemCommand> commands = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Cursor next = since;
        JsonNode rows = page.path("value");
        for (int i = 0; i < Math.min(max, rows.size()); i++) {
            JsonNode row = rows.get(i);
            next = new Cursor(row.path("ModifiedDateTime").asText() + "|" + row.path("HeaderReference").asText());
            try {
                commands.add(toCommand(row));
            } catch (RuntimeException e) {
                rejections.add(new Rejection(row.path("HeaderReference").asText(null), "VendorInvoiceHeaders(" + next.value() + ")",
                        e.getMessage()));
            }
        }
        return new PullResult(commands, rejections, next, rows.size() > max);
    }

    private WorkItemCommand toCommand(JsonNode row) {
        String reference = text(row, "HeaderReference");
        String invoice = text(row, "InvoiceNumber");
        BigDecimal amount = new BigDecimal(text(row, "InvoiceAmount"));
        String vendor = text(row, "VendorAccount");
        Instant due = row.hasNonNull("DueDate") ? LocalDate.parse(row.get("DueDate").asText().substring(0, 10))
                .atTime(17, 0).toInstant(ZoneOffset.UTC) : null;
        Instant modified = Instant.parse(text(row, "ModifiedDateTime"));
        return new WorkItemCommand("INVOICE_HOLD", system(), company + "/" + reference,
                "Invoice " + invoice + " from vendor " + vendor + " on hold", amount, text(row, "Currency"), due, due,
                Map.of("vendorAccount", vendor, "invoiceNumber", invoice, "holdReason", row.path("HoldReason").asText("unspecified"),
                        "company", company),
                List.of(new CanonicalEvent("InvoiceReceived", modified, Map.of("invoiceNumber", invoice, "vendorAccount", vendor))));
    }

    @Override
    public HealthReport health() {
        return health;
    }

    /** Reads before it writes: an invoice already released (by an earlier, maybe unanswered, attempt) is not patched again. */
    @Override
    public WriteBackResult writeBack(Outcome outcome) {
        String reference = outcome.externalId().substring(outcome.externalId().indexOf('/') + 1);
        URI entity = base.resolve("/data/VendorInvoiceHeaders(dataAreaId='" + encode(company) + "',HeaderReference='"
                + encode(reference) + "')");
        try {
            if (!call(HttpRequest.newBuilder(entity).GET()).path("IsOnHold").asBoolean()) {
                return new WriteBackResult(WriteBackResult.Status.ALREADY_APPLIED, "invoice " + reference + " is not on hold");
            }
            String body = JSON.writeValueAsString(Map.of("IsOnHold", false, "HoldReleaseNote", outcome.resolution() + ": " + outcome.note()));
            call(HttpRequest.newBuilder(entity).method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json").header("Ordo-Idempotency-Key", outcome.idempotencyKey()));
            return new WriteBackResult(WriteBackResult.Status.APPLIED, "hold released on " + reference);
        } catch (SourceUnavailableException e) {
            return new WriteBackResult(WriteBackResult.Status.FAILED, e.getMessage());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode call(HttpRequest.Builder request) {
        try {
            auth.apply(request);
            HttpResponse<String> response = http.send(request.header("Accept", "application/json").build(),
                    Duration.ofSeconds(20));
            if (response.statusCode() == 401) {
                auth.invalidate(); // an expired access token: the next call fetches a new one
            }
            if (response.statusCode() >= 300) {
                throw new SourceUnavailableException("Dynamics 365 answered " + response.statusCode(), null);
            }
            health = HealthReport.up(Instant.now());
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (java.io.IOException | SourceUnavailableException e) {
            health = new HealthReport(HealthReport.Status.DEGRADED, "Dynamics 365 unreachable: " + e.getMessage(), Instant.now());
            throw e instanceof SourceUnavailableException s ? s : new SourceUnavailableException(e.getMessage(), e);
        }
    }

    private static String text(JsonNode row, String field) {
        if (!row.hasNonNull(field) || row.get(field).asText().isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return row.get(field).asText();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
