package health.ordo.adapter.claims.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import health.ordo.spi.Cursor;
import health.ordo.spi.HealthReport;
import health.ordo.spi.Outcome;
import health.ordo.spi.PullResult;
import health.ordo.spi.Rejection;
import health.ordo.spi.SourceAdapter;
import health.ordo.spi.SourceUnavailableException;
import health.ordo.spi.WriteBackResult;
import health.ordo.spi.claims.ClaimPayment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import health.ordo.spi.http.OutboundChannel;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The claims adapter on the published SPI: pulls {@code ClaimResponse} resources from a payer's or clearinghouse's FHIR R4
 * server incrementally ({@code _lastUpdated} and id as the cursor), reads them into claim payments like pushed ones (the
 * claims rules then judge them, as for a posted file), and writes a denial's
 * resolution back as a {@code Task} through a FHIR conditional update on an outcome identifier, so a retried write-back
 * never creates a second Task.
 * <p>
 * Pulled cancellations are reported as reversed payments, which close the denial they reverse, as on the inbound path.
 * The cursor tolerates up to {@value #TIE_ALLOWANCE}
 * resources sharing one {@code lastUpdated} instant at a page boundary.
 */
public final class FhirClaimsSource implements SourceAdapter {

    /** Identifier system of the Task written back for one outcome; its value is the idempotency key. */
    /** Ordo's FHIR namespace, as its FHIR API publishes it. */
    static final String ORDO = "https://ordo.health/fhir";
    public static final String OUTCOME_SYSTEM = ORDO + "/sid/outcome";
    static final int TIE_ALLOWANCE = 50;
    private static final DateTimeFormatter POSITION_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final URI base;
    private final String bearerToken;
    private final FhirContext fhir;
    private final ClaimResponseMapper mapper;
    private final OutboundChannel http;
    private final Clock clock;
    private volatile HealthReport health;

    /**
     * @param base        the FHIR server's base URL, ending with a slash
     * @param bearerToken sent as {@code Authorization: Bearer}, or null
     * @param http        the deployment's guarded channel
     */
    public FhirClaimsSource(URI base, String bearerToken, FhirContext fhir, Clock clock, OutboundChannel http) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.bearerToken = bearerToken;
        this.fhir = fhir;
        this.mapper = new ClaimResponseMapper();
        this.clock = clock;
        this.http = http;
        this.health = HealthReport.up(clock.instant());
    }

    @Override
    public String system() {
        return ClaimResponseMapper.SOURCE_SYSTEM;
    }

    @Override
    public PullResult pull(Cursor since, int max) {
        String[] position = since.value().isEmpty() ? new String[]{"", ""} : since.value().split("\\|", 2);
        StringBuilder query = new StringBuilder("ClaimResponse?_sort=_lastUpdated,_id&_count=").append(Math.min(max + TIE_ALLOWANCE, 1000));
        if (!position[0].isEmpty()) {
            query.append("&_lastUpdated=ge").append(URLEncoder.encode(position[0], StandardCharsets.UTF_8));
        }
        Bundle bundle = read(Bundle.class, call(HttpRequest.newBuilder(base.resolve(query.toString())).GET()));
        List<ClaimPayment> payments = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Cursor next = since;
        int taken = 0;
        boolean more = bundle.getLink("next") != null;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (!(entry.getResource() instanceof ClaimResponse response)) {
                continue;
            }
            String key = position(response);
            if (!position[0].isEmpty() && key.compareTo(since.value()) <= 0) {
                continue;
            }
            if (taken == max) {
                more = true;
                break;
            }
            taken++;
            next = new Cursor(key);
            try {
                payments.add(mapper.map(response));
            } catch (ClaimResponseMapper.Unmappable e) {
                rejections.add(new Rejection(response.getIdElement().getIdPart(), e.expression, e.getMessage()));
            }
        }
        return new PullResult(List.of(), List.of(), rejections, next, more, payments);
    }

    /** The sort key of a resource: its lastUpdated instant (fixed width, so text order is time order) and its id. */
    private static String position(ClaimResponse response) {
        Date updated = response.getMeta().getLastUpdated();
        return (updated == null ? "0000-01-01T00:00:00.000Z" : POSITION_TIME.format(updated.toInstant()))
                + "|" + response.getIdElement().getIdPart();
    }

    @Override
    public HealthReport health() {
        return health;
    }

    @Override
    public WriteBackResult writeBack(Outcome outcome) {
        String identifier = URLEncoder.encode(OUTCOME_SYSTEM + "|" + outcome.idempotencyKey(), StandardCharsets.UTF_8);
        try {
            Bundle existing = read(Bundle.class, call(HttpRequest.newBuilder(base.resolve("Task?identifier=" + identifier)).GET()));
            if (existing.getEntry().stream().anyMatch(e -> e.getResource() instanceof Task)) {
                return new WriteBackResult(WriteBackResult.Status.ALREADY_APPLIED, "Task with outcome " + outcome.idempotencyKey() + " exists");
            }
            String body = fhir.newJsonParser().encodeResourceToString(task(outcome));
            call(HttpRequest.newBuilder(base.resolve("Task?identifier=" + identifier))
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/fhir+json"));
            return new WriteBackResult(WriteBackResult.Status.APPLIED, "Task updated for " + outcome.externalId());
        } catch (Refused e) {
            // the server answered and said no (a 4xx): a refusal, counted by the outbox; an outage propagates
            return new WriteBackResult(WriteBackResult.Status.FAILED, e.getMessage());
        }
    }

    /** The FHIR server refused the request (a 4xx other than authentication, timeout or rate limit). */
    static final class Refused extends SourceUnavailableException {
        Refused(String reason) {
            super(reason, null);
        }
    }

    private Task task(Outcome outcome) {
        Task task = new Task();
        task.addIdentifier(new Identifier().setSystem(OUTCOME_SYSTEM).setValue(outcome.idempotencyKey()));
        task.setStatus(Task.TaskStatus.COMPLETED).setIntent(Task.TaskIntent.ORDER);
        task.setBusinessStatus(new CodeableConcept(new Coding(ORDO + "/CodeSystem/resolution", outcome.resolution(), null)));
        task.setFocus(new Reference().setIdentifier(new Identifier().setSystem(ORDO + "/sid/source/" + system())
                .setValue(outcome.externalId())));
        task.setLastModified(Date.from(clock.instant()));
        task.addOutput().setType(new CodeableConcept(new Coding(ORDO + "/CodeSystem/task-input", "resolution", null)))
                .setValue(new StringType(outcome.resolution()));
        if (outcome.note() != null) {
            task.addNote().setText(outcome.note());
        }
        return task;
    }

    private String call(HttpRequest.Builder request) {
        request.header("Accept", "application/fhir+json");
        if (bearerToken != null && !bearerToken.isBlank()) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), Duration.ofSeconds(30));
            if (response.statusCode() >= 300) {
                String reason = "FHIR server answered " + response.statusCode() + " to " + request.build().method() + " "
                        + request.build().uri().getPath();
                int status = response.statusCode();
                boolean refused = status >= 400 && status < 500 && status != 401 && status != 403 && status != 408 && status != 429;
                if (refused) {
                    throw new Refused(reason);
                }
                throw failed(reason, null);
            }
            health = HealthReport.up(clock.instant());
            return response.body();
        } catch (health.ordo.spi.http.OutboundRefusedException e) {
            health = new HealthReport(HealthReport.Status.DOWN, e.getMessage(), clock.instant());
            throw e;
        } catch (IOException e) {
            throw failed("FHIR server unreachable: " + e.getMessage(), e);
        }
    }

    private <T extends org.hl7.fhir.instance.model.api.IBaseResource> T read(Class<T> type, String body) {
        try {
            return fhir.newJsonParser().parseResource(type, body);
        } catch (DataFormatException e) {
            throw failed("FHIR server sent an unreadable " + type.getSimpleName() + ": " + FhirJson.stripCode(e.getMessage()), e);
        }
    }

    private SourceUnavailableException failed(String reason, Throwable cause) {
        health = new HealthReport(HealthReport.Status.DEGRADED, reason, clock.instant());
        return new SourceUnavailableException(reason, cause);
    }
}
