package health.ordo.benchmarks;

import com.sun.net.httpserver.HttpServer;
import health.ordo.adapter.persistence.embedded.EmbeddedPostgresServer;
import health.ordo.application.port.in.event.WebhookSubscriptionsUseCase;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.context.ApplicationContext;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhook delivery lag at a steady event rate: work items are created at R events per second (each creation writes a
 * {@code WorkItemCreated} and a {@code WorkItemRouted}) for S seconds into a tenant with one subscription to every type;
 * a receiver on loopback notes when each event arrives. Lag is arrival minus the event's {@code time} (when the change
 * happened, before its commit). Beside it, in the same run on the same database, a raw poller (the physical floor of an
 * outbox relay: {@code select … where seq > ? order by seq} every 10 ms, one HTTP POST per event) sends the same events
 * to the same receiver. Prints p50, p95, p99 and max lag and the events missing at the end.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar health.ordo.benchmarks.WebhookLagHarness [--rate 200] [--seconds 60]}
 */
public final class WebhookLagHarness {

    private static final Pattern TIME = Pattern.compile("\"time\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    private WebhookLagHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int rate = Integer.parseInt(options.getOrDefault("--rate", "200"));
        int seconds = Integer.parseInt(options.getOrDefault("--seconds", "60"));
        Map<String, Long> ordoLag = new ConcurrentHashMap<>();
        Map<String, Long> rawLag = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(16));
        receiver.createContext("/", exchange -> {
            long arrived = System.currentTimeMillis();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher time = TIME.matcher(body);
            Matcher id = ID.matcher(body);
            if (time.find() && id.find()) {
                (exchange.getRequestURI().getPath().equals("/raw") ? rawLag : ordoLag)
                        .putIfAbsent(id.group(1), arrived - Instant.parse(time.group(1)).toEpochMilli());
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();

        Map<String, Object> properties = new HashMap<>();
        properties.put("ordo.demo.enabled", "false");
        properties.put("ordo.priority.maintenance.enabled", "false");
        properties.put("ordo.insights.maintenance.enabled", "false");
        properties.put("ordo.outbound.allow", "127.0.0.1/32");
        properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret", UUID.randomUUID() + "-" + UUID.randomUUID());
        properties.put("ordo.secrets.key", UUID.randomUUID() + "-" + UUID.randomUUID());
        properties.put("ordo.embedded-postgres.data-dir", Path.of("target", "bench-pg").toString());
        properties.put("ordo.embedded-postgres.clean-on-start", "true");
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            TenantId tenant = TenantId.of("bench");
            context.getBean(ProvisionTenantUseCase.class).provision(tenant, "Benchmark", List.of());
            context.getBean(WebhookSubscriptionsUseCase.class).create(tenant, base + "/ordo", List.of(), "lag", false, "bench");
            String url = context.getBean(EmbeddedPostgresServer.class).jdbcUrl();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread raw = new Thread(() -> rawPoller(url, base + "/raw", running), "raw-poller");
            raw.start();
            IngestWorkItemUseCase ingest = context.getBean(IngestWorkItemUseCase.class);
            int perSecond = Math.max(1, rate / 2);
            long start = System.nanoTime();
            int created = 0;
            for (int s = 0; s < seconds; s++) {
                for (int i = 0; i < perSecond; i++) {
                    long due = start + (long) ((s + (double) i / perSecond) * 1_000_000_000L);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    ingest.ingest(tenant, new WorkItemContent(WorkItemType.INVOICE_HOLD, new SourceReference("bench", "h-" + created),
                            "Hold " + created, Money.of("100.00", "USD"), null, null, Attributes.NONE, null), Actor.SYSTEM);
                    created++;
                }
            }
            int expected = created * 2;
            long end = System.nanoTime() + 30_000_000_000L;
            while ((ordoLag.size() < expected || rawLag.size() < expected) && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            running.set(false);
            raw.join();
            System.out.printf(Locale.ROOT, "%d events in %d s (%.0f/s)%n", expected, seconds, expected / (double) seconds);
            report("Ordo webhooks (relay + signed delivery)", ordoLag, expected);
            report("raw SQL poller + HTTP POST", rawLag, expected);
            stages(url);
        } finally {
            receiver.stop(0);
        }
        System.exit(0);
    }

    private static void report(String name, Map<String, Long> lags, int expected) {
        List<Long> values = new ArrayList<>(lags.values());
        Collections.sort(values);
        if (values.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-42s nothing arrived%n", name);
            return;
        }
        System.out.printf(Locale.ROOT, "%-42s p50 %5d ms  p95 %5d ms  p99 %5d ms  max %6d ms  missing %d%n", name, at(values, 0.50),
                at(values, 0.95), at(values, 0.99), values.get(values.size() - 1), expected - values.size());
    }

    /** Where Ordo's lag goes: from the change to the relay, from the relay to the delivery being marked. */
    private static void stages(String url) throws java.sql.SQLException {
        String[][] stages = {
                {"change -> relayed into the feed", "select percentile_cont(array[0.5, 0.95, 0.99]) within group (order by extract(epoch from "
                        + "published_at - occurred_at) * 1000) from outbox_event where tenant_id = 'bench'"},
                {"relayed -> delivery marked", "select percentile_cont(array[0.5, 0.95, 0.99]) within group (order by extract(epoch from "
                        + "d.delivered_at - o.published_at) * 1000) from webhook_delivery d join outbox_event o on o.event_id = d.event_id "
                        + "where d.tenant_id = 'bench'"}};
        try (Connection sql = DriverManager.getConnection(url, "postgres", "")) {
            for (String[] stage : stages) {
                try (ResultSet rs = sql.createStatement().executeQuery(stage[1])) {
                    rs.next();
                    Double[] q = (Double[]) rs.getArray(1).getArray();
                    System.out.printf(Locale.ROOT, "  %-40s p50 %5.0f ms  p95 %5.0f ms  p99 %5.0f ms%n", stage[0], q[0], q[1], q[2]);
                }
            }
        }
    }

    private static long at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    /** The floor: poll the outbox by seq every 10 ms and POST each new event's id and time, one request at a time. */
    private static void rawPoller(String url, String target, AtomicBoolean running) {
        HttpClient http = HttpClient.newHttpClient();
        long last = 0;
        try (Connection sql = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement next = sql.prepareStatement("select seq, event_id, occurred_at from outbox_event where seq > ? order by seq limit 500")) {
            while (running.get()) {
                next.setLong(1, last);
                List<String> bodies = new ArrayList<>();
                try (ResultSet rs = next.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        bodies.add("{\"id\":\"" + rs.getObject(2) + "\",\"time\":\"" + rs.getTimestamp(3).toInstant() + "\"}");
                    }
                }
                for (String body : bodies) {
                    http.send(HttpRequest.newBuilder(URI.create(target)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.discarding());
                }
                if (bodies.isEmpty()) {
                    Thread.sleep(10);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
