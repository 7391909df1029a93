package health.ordo.adapter.hr.workday;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.ordo.spi.Cursor;
import health.ordo.spi.HealthReport;
import health.ordo.spi.Outcome;
import health.ordo.spi.PullResult;
import health.ordo.spi.Rejection;
import health.ordo.spi.SourceAdapter;
import health.ordo.spi.SourceClosure;
import health.ordo.spi.WorkItemCommand;
import health.ordo.spi.WriteBackResult;
import health.ordo.spi.http.SourceHttp;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Workday custom report read through Reports-as-a-Service ({@code GET <report URL>?format=json}, answer
 * {@code {"Report_Entry":[…]}}), one {@link ReportKind} per connector. Incremental on the report's {@code Last_Updated}
 * field and the entry key: entries are ordered by both and those at or before the cursor are skipped; when the report
 * has a prompt for "updated since" ({@code updated-since-prompt} option), it is sent so Workday returns less.
 * <p>
 * Write-back goes to the connector's {@code write-back-url} when one is set (an inbound integration the customer runs
 * in Workday): a JSON {@code POST} with an {@code Idempotency-Key} header, a 409 meaning already applied. Without one,
 * nothing is sent and the outcome stays in Ordo's history.
 */
public final class WorkdayReportSource implements SourceAdapter {

    public static final String SYSTEM = "workday";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CURSOR_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final URI report;
    private final ReportKind kind;
    private final SourceHttp http;
    private final ReportKind.Settings settings;
    private final Map<String, String> fieldNames;
    private final String updatedSincePrompt;
    private final URI writeBackUrl;

    WorkdayReportSource(URI report, ReportKind kind, SourceHttp http, ReportKind.Settings settings, Map<String, String> fieldNames,
                        String updatedSincePrompt, URI writeBackUrl) {
        this.report = report;
        this.kind = kind;
        this.http = http;
        this.settings = settings;
        this.fieldNames = Map.copyOf(fieldNames);
        this.updatedSincePrompt = updatedSincePrompt;
        this.writeBackUrl = writeBackUrl;
    }

    @Override
    public String system() {
        return settings.system();
    }

    @Override
    public HealthReport health() {
        return http.health();
    }

    @Override
    public PullResult pull(Cursor since, int max) {
        String separator = report.getRawQuery() == null ? "?" : "&";
        StringBuilder url = new StringBuilder(report.toString()).append(separator).append("format=json");
        if (updatedSincePrompt != null && !since.value().isEmpty()) {
            url.append('&').append(URLEncoder.encode(updatedSincePrompt, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(since.value().split("\\|", 2)[0], StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url.toString())).header("Accept", "application/json").GET());
        if (response.statusCode() >= 300) {
            throw http.fail("Workday answered " + response.statusCode() + " for the report", null);
        }
        JsonNode entries;
        try {
            entries = JSON.readTree(response.body()).path("Report_Entry");
        } catch (JsonProcessingException e) {
            throw http.fail("Workday sent an unreadable report: " + e.getOriginalMessage(), e);
        }
        record Keyed(String position, ReportKind.Entry entry) {
        }
        List<Keyed> ordered = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (JsonNode node : entries) {
            ReportKind.Entry entry = new ReportKind.Entry(node, fieldNames, settings.defaultCurrency());
            String key = entry.optional(kind.keyField);
            ordered.add(new Keyed(updated(entry) + "|" + (key == null ? "" : key), entry));
        }
        ordered.sort(Comparator.comparing(Keyed::position));
        List<WorkItemCommand> commands = new ArrayList<>();
        List<SourceClosure> closures = new ArrayList<>();
        Cursor next = since;
        int taken = 0;
        boolean more = false;
        for (Keyed keyed : ordered) {
            if (!since.value().isEmpty() && keyed.position().compareTo(since.value()) <= 0) {
                continue;
            }
            if (taken == max) {
                more = true;
                break;
            }
            taken++;
            next = new Cursor(keyed.position());
            try {
                List<WorkItemCommand> mapped = new ArrayList<>();
                List<SourceClosure> closed = new ArrayList<>();
                kind.map(keyed.entry(), settings, mapped, closed);
                commands.addAll(mapped);
                closures.addAll(closed);
            } catch (IllegalArgumentException e) {
                rejections.add(new Rejection(keyed.entry().optional(kind.keyField), "Report_Entry[" + kind.keyField + "="
                        + keyed.entry().optional(kind.keyField) + "]", e.getMessage()));
            }
        }
        return new PullResult(commands, closures, rejections, next, more);
    }

    /** Last_Updated as fixed-width UTC text, so text order is time order; an entry without it sorts first. */
    private static String updated(ReportKind.Entry entry) {
        String value = entry.optional("Last_Updated");
        if (value == null) {
            return "0000-01-01T00:00:00.000Z";
        }
        try {
            return CURSOR_TIME.format(value.length() <= 10 ? java.time.LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC)
                    : OffsetDateTime.parse(value));
        } catch (DateTimeParseException e) {
            return "0000-01-01T00:00:00.000Z";
        }
    }

    @Override
    public WriteBackResult writeBack(Outcome outcome) {
        if (writeBackUrl == null) {
            return new WriteBackResult(WriteBackResult.Status.APPLIED, "no write-back-url configured: Workday is not told; "
                    + "the outcome stays in Ordo's history");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("externalId", outcome.externalId());
        body.put("resolution", outcome.resolution());
        body.put("note", outcome.note());
        body.put("idempotencyKey", outcome.idempotencyKey());
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(writeBackUrl).header("Content-Type", "application/json")
                    .header("Idempotency-Key", outcome.idempotencyKey()).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
            if (response.statusCode() == 409) {
                return new WriteBackResult(WriteBackResult.Status.ALREADY_APPLIED, "Workday had it already");
            }
            if (response.statusCode() >= 300) {
                return new WriteBackResult(WriteBackResult.Status.FAILED, "Workday answered " + response.statusCode());
            }
            return new WriteBackResult(WriteBackResult.Status.APPLIED, "sent to Workday");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
