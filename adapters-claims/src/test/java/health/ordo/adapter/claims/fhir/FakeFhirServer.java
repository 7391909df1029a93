package health.ordo.adapter.claims.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import health.ordo.tck.SourceFixture;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local FHIR R4 server over real HTTP: {@code ClaimResponse} search by {@code _lastUpdated=ge} sorted by lastUpdated
 * and id with {@code _count}, {@code Task} search by identifier and conditional update ({@code PUT Task?identifier=}).
 * Several resources share each lastUpdated instant, so cursor ties are exercised.
 */
public final class FakeFhirServer implements SourceFixture, AutoCloseable {

    private static final Pattern SINCE = Pattern.compile("_lastUpdated=ge([^&]+)");
    private static final Pattern COUNT = Pattern.compile("_count=(\\d+)");
    private static final Pattern IDENTIFIER = Pattern.compile("identifier=[^|]*\\|([^&]+)");

    private final FhirContext fhir;
    private final HttpServer server;
    private final List<ClaimResponse> responses = new ArrayList<>();
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final Map<String, Integer> applied = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private final Instant epoch = Instant.parse("2026-11-20T08:00:00Z");

    public FakeFhirServer(FhirContext fhir) throws IOException {
        this.fhir = fhir;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fhir/", this::handle);
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/fhir/");
    }

    /** Tasks written back, by outcome key. */
    public Map<String, Task> tasks() {
        return tasks;
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        if (refusals.get() > 0) {
            refusals.decrementAndGet();
            respond(exchange, 422, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"business-rule\"}]}");
            return;
        }
        if (failures.get() > 0) {
            failures.decrementAndGet();
            respond(exchange, 503, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"transient\"}]}");
            return;
        }
        if (path.endsWith("/ClaimResponse")) {
            Matcher since = SINCE.matcher(query);
            Instant from = since.find() ? Instant.parse(since.group(1)) : Instant.MIN;
            Matcher count = COUNT.matcher(query);
            int limit = count.find() ? Integer.parseInt(count.group(1)) : 100;
            List<ClaimResponse> matching = responses.stream().filter(r -> !r.getMeta().getLastUpdated().toInstant().isBefore(from))
                    .sorted(Comparator.comparing((ClaimResponse r) -> r.getMeta().getLastUpdated()).thenComparing(r -> r.getIdElement().getIdPart()))
                    .toList();
            Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
            matching.stream().limit(limit).forEach(r -> bundle.addEntry().setResource(r));
            if (matching.size() > limit) {
                bundle.addLink().setRelation("next").setUrl(base() + "ClaimResponse?page=2");
            }
            respond(exchange, 200, fhir.newJsonParser().encodeResourceToString(bundle));
            return;
        }
        if (path.endsWith("/Task")) {
            Matcher identifier = IDENTIFIER.matcher(query);
            String key = identifier.find() ? identifier.group(1) : null;
            if ("PUT".equals(exchange.getRequestMethod()) && key != null) {
                Task task = fhir.newJsonParser().parseResource(Task.class, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                boolean created = tasks.put(key, task) == null;
                applied.merge(key, 1, Integer::sum);
                respond(exchange, created ? 201 : 200, fhir.newJsonParser().encodeResourceToString(task));
                return;
            }
            Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
            if (key != null && tasks.containsKey(key)) {
                bundle.addEntry().setResource(tasks.get(key));
            }
            respond(exchange, 200, fhir.newJsonParser().encodeResourceToString(bundle));
            return;
        }
        respond(exchange, 404, "{\"resourceType\":\"OperationOutcome\"}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private synchronized void add(boolean withInsurer) {
        int n = responses.size() + 1;
        ClaimResponse response = new ClaimResponse();
        response.setId("CR-" + (1000 + n));
        response.getMeta().setLastUpdated(Date.from(epoch.plusSeconds(n / 3)));
        response.addIdentifier().setSystem("https://payer.example.org/claimresponse").setValue("PAYER-" + (1000 + n));
        response.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE).setUse(ClaimResponse.Use.CLAIM);
        response.setPatient(new Reference("Patient/p-" + n)).setCreated(Date.from(epoch));
        if (withInsurer) {
            response.setInsurer(new Reference("Organization/aetna").setDisplay("Aetna"));
        }
        response.setOutcome(ClaimResponse.RemittanceOutcome.ERROR);
        ClaimResponse.ItemComponent item = response.addItem().setItemSequence(1);
        item.addAdjudication().setCategory(new CodeableConcept(new Coding(null, "submitted", null)))
                .setAmount(new Money().setValue(new BigDecimal(500 + n)).setCurrency("USD"));
        item.addAdjudication().setCategory(new CodeableConcept(new Coding(null, "benefit", null)))
                .setReason(new CodeableConcept(new Coding(ClaimResponseMapper.CARC_SYSTEM, "197", null)))
                .setAmount(new Money().setValue(BigDecimal.ZERO).setCurrency("USD"));
        responses.add(response);
    }

    /** The payer cancels a response it sent: a new version of that resource, status cancelled, updated last. */
    synchronized void cancel(String id) {
        ClaimResponse original = responses.stream().filter(r -> r.getIdElement().getIdPart().equals(id)).findFirst().orElseThrow();
        ClaimResponse cancelled = original.copy();
        cancelled.setStatus(ClaimResponse.ClaimResponseStatus.CANCELLED);
        cancelled.getMeta().setLastUpdated(Date.from(epoch.plusSeconds(3600 + responses.size())));
        responses.remove(original);
        responses.add(cancelled);
    }

    @Override
    public void addValidRecords(int count) {
        for (int i = 0; i < count; i++) {
            add(true);
        }
    }

    @Override
    public void addMalformedRecord() {
        add(false);
    }

    /** The next calls answer 422 (the server refuses them), not an outage. */
    void refuseNextCalls(int calls) {
        refusals.set(calls);
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
