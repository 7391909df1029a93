package health.ordo.benchmarks;

import health.ordo.adapter.persistence.embedded.EmbeddedPostgresServer;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.postgresql.PGConnection;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast work gets in (issue 24), each REST path against raw PostgreSQL on the same database in the same run:
 * <ol>
 *   <li>REST batch ingest ({@code POST /api/v1/work-items:batch}, 1,000 items a request) against {@code COPY} of as
 *       many rows into {@code work_item};</li>
 *   <li>single creates ({@code POST /api/v1/work-items}) against single-row {@code INSERT}s (autocommit), from the same
 *       number of clients;</li>
 *   <li>an X12 835 of {@code --claims} claims ({@code POST /api/v1/inbound/x12/835}), a mix of paid, adjusted and
 *       denied claims ({@code --denied-percent}), with the server JVM's peak heap while it is read.</li>
 * </ol>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar health.ordo.benchmarks.IngestHarness --batch-items 20000
 * --singles 4000 --clients 4 --claims 100000} ({@code --phases batch,single,835} picks phases; {@code --warmup-singles N},
 * default 4,000: that many creates and {@code INSERT}s first, not timed).
 */
final class IngestHarness {

    private static final String PASSWORD = "benchmark-password";
    private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    private static final Pattern CREATED = Pattern.compile("\"itemsCreated\"\\s*:\\s*(\\d+)");

    private IngestHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = HarnessServer.options(args);
        int batchItems = Integer.parseInt(options.getOrDefault("--batch-items", "20000"));
        int singles = Integer.parseInt(options.getOrDefault("--singles", "4000"));
        int clients = Integer.parseInt(options.getOrDefault("--clients", "4"));
        int claims = Integer.parseInt(options.getOrDefault("--claims", "100000"));
        int deniedPercent = Integer.parseInt(options.getOrDefault("--denied-percent", "12"));
        Map<String, Object> properties = HarnessServer.properties(options, "bench-ingest-pg");
        properties.put("ordo.priority.rescore-initial-delay", "24h");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            ApplicationContext context = server.getApplicationContext();
            String url = options.containsKey("--url") ? options.get("--url") : context.getBean(EmbeddedPostgresServer.class).jdbcUrl();
            ProvisionTenantUseCase provision = context.getBean(ProvisionTenantUseCase.class);
            for (String tenant : List.of("ing", "raw")) {
                provision.provision(TenantId.of(tenant), "Ingest " + tenant, List.of(new ProvisionTenantUseCase.NewUser(
                        Login.parse("ada@" + tenant), "Ada", PASSWORD, Set.of(Role.TENANT_ADMIN))));
            }
            String token = signIn(server.getURI());
            try (Connection sql = DriverManager.getConnection(url, options.getOrDefault("--user", "postgres"),
                    options.getOrDefault("--password", ""))) {
                Set<String> phases = Set.of(options.getOrDefault("--phases", "batch,single,835").split(","));
                int statementStats = Integer.parseInt(options.getOrDefault("--statement-stats", "0"));
                double copy = phases.contains("batch") ? copy(sql, batchItems) : Double.NaN;
                if (statementStats > 0 && phases.contains("batch")) {
                    PostgresCounters.resetStatementStats(sql);
                }
                double batch = phases.contains("batch") ? restBatch(server.getURI(), token, batchItems, clients) : Double.NaN;
                if (statementStats > 0 && phases.contains("batch")) {
                    // the batch ingest's statements, per item created
                    PostgresCounters.printStatementStats(sql, statementStats, batchItems);
                }
                int warmUp = Integer.parseInt(options.getOrDefault("--warmup-singles", "4000"));
                if (phases.contains("single") && warmUp > 0) { // both sides compiled and their caches warm before either is timed
                    rawInserts(url, options, "W-", warmUp, clients);
                    restSingles(server.getURI(), token, "bench-warm-up", warmUp, clients);
                }
                double inserts = phases.contains("single") ? rawInserts(url, options, "R-", singles, clients) : Double.NaN;
                if (statementStats > 0) {
                    PostgresCounters.resetStatementStats(sql);
                }
                double creates = phases.contains("single") ? restSingles(server.getURI(), token, "bench-single", singles, clients) : Double.NaN;
                if (statementStats > 0) {
                    PostgresCounters.printStatementStats(sql, statementStats, singles);
                }
                System.out.printf(Locale.ROOT, "batch: REST %.0f items/s, COPY %.0f rows/s, ratio %.3f%n", batch, copy, batch / copy);
                System.out.printf(Locale.ROOT, "single: REST %.0f creates/s, INSERT %.0f rows/s, ratio %.3f (%d clients)%n", creates,
                        inserts, creates / inserts, clients);
                if (!phases.contains("835")) {
                    System.exit(0);
                }
                Remittance file = remittance(claims, deniedPercent);
                Remittance835Run run = post835(server.getURI(), token, file);
                System.out.printf(Locale.ROOT, "835: %,d claims (%,d denied, %.1f MB) in %.1f s = %.0f claims/s, %d items created,"
                                + " HTTP %d; server heap peak %d MB (max %d MB)%n", claims, file.denied(), file.text().length() / 1e6,
                        run.seconds(), claims / run.seconds(), run.created(), run.status(), run.peakHeapMb(),
                        Runtime.getRuntime().maxMemory() >> 20);
                System.out.printf(Locale.ROOT, "RESULT batch_items=%d singles=%d clients=%d rest_batch_per_s=%.0f copy_per_s=%.0f"
                                + " batch_ratio=%.3f rest_single_per_s=%.0f insert_per_s=%.0f single_ratio=%.3f claims=%d"
                                + " claims_per_s=%.0f peak_heap_mb=%d%n", batchItems, singles, clients, batch, copy, batch / copy, creates,
                        inserts, creates / inserts, claims, claims / run.seconds(), run.peakHeapMb());
            }
        }
        System.exit(0);
    }

    private static String signIn(URI base) throws Exception {
        try (KeepAliveHttp http = new KeepAliveHttp(base)) {
            KeepAliveHttp.Response response = http.post("/login", null, "{\"username\":\"ada@ing\",\"password\":\"" + PASSWORD + "\"}");
            Matcher token = TOKEN.matcher(response.body());
            if (!token.find()) {
                throw new IllegalStateException("login failed: " + response.status());
            }
            return token.group(1);
        }
    }

    /** Rows as the REST path would store them, through COPY into the same table: rows per second. */
    private static double copy(Connection sql, int rows) throws Exception {
        StringBuilder csv = new StringBuilder(rows * 200);
        for (int i = 0; i < rows; i++) {
            csv.append("raw,").append(java.util.UUID.randomUUID()).append(",INVOICE_HOLD,bench-copy,C-").append(i).append(',')
                    .append(Integer.toHexString(i)).append(",Invoice ").append(i).append(',').append(100 + i % 900).append(".00,USD,")
                    .append("{},ap,ap,READY,50.00,now,now,0\n");
        }
        long start = System.nanoTime();
        ((PGConnection) sql.unwrap(PGConnection.class)).getCopyAPI().copyIn("""
                copy work_item (tenant_id, id, type, source_system, external_id, content_fingerprint, title, amount, currency,
                    attributes, requested_queue, queue, status, priority_score, created_at, updated_at, version) from stdin (format csv)""",
                new StringReader(csv.toString()));
        double perSecond = rows / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "COPY: %,d rows = %.0f rows/s%n", rows, perSecond);
        return perSecond;
    }

    private static String item(String system, int i) {
        return "{\"type\":\"INVOICE_HOLD\",\"source\":{\"system\":\"" + system + "\",\"externalId\":\"I-" + i + "\"},\"title\":\"Invoice "
                + i + " on hold\",\"amount\":{\"value\":\"" + (100 + i % 900) + ".00\",\"currency\":\"USD\"},\"attributes\":{\"supplier\":\"S"
                + (i % 50) + "\",\"holdReason\":\"PRICE_VARIANCE\"}}";
    }

    /** Batches of 1,000 items from {@code clients} connections until {@code items} are in: items per second. */
    private static double restBatch(URI base, String token, int items, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong created = new AtomicLong();
        long start = System.nanoTime();
        parallel(clients, () -> {
            try (KeepAliveHttp http = new KeepAliveHttp(base)) {
                for (int from = next.getAndAdd(1000); from < items; from = next.getAndAdd(1000)) {
                    StringBuilder body = new StringBuilder("{\"items\":[");
                    for (int i = from; i < Math.min(items, from + 1000); i++) {
                        body.append(i == from ? "" : ",").append(item("bench-batch", i));
                    }
                    KeepAliveHttp.Response response = http.post("/api/v1/work-items:batch", token, body.append("]}").toString());
                    Matcher count = Pattern.compile("\"created\"\\s*:\\s*(\\d+)").matcher(response.body());
                    if (response.status() != 200 || !count.find()) {
                        throw new IllegalStateException("batch refused: " + response.status() + " " + response.body());
                    }
                    created.addAndGet(Long.parseLong(count.group(1)));
                }
            }
            return null;
        });
        double perSecond = created.get() / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "REST batch: %,d items created = %.0f items/s%n", created.get(), perSecond);
        return perSecond;
    }

    private static double restSingles(URI base, String token, String system, int items, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        parallel(clients, () -> {
            try (KeepAliveHttp http = new KeepAliveHttp(base)) {
                for (int i = next.getAndIncrement(); i < items; i = next.getAndIncrement()) {
                    KeepAliveHttp.Response response = http.post("/api/v1/work-items", token, item(system, i));
                    if (response.status() != 201) {
                        throw new IllegalStateException("create refused: " + response.status() + " " + response.body());
                    }
                }
            }
            return null;
        });
        double perSecond = items / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "REST single creates: %,d = %.0f/s%n", items, perSecond);
        return perSecond;
    }

    private static double rawInserts(String url, Map<String, String> options, String prefix, int rows, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        parallel(clients, () -> {
            try (Connection connection = DriverManager.getConnection(url, options.getOrDefault("--user", "postgres"),
                    options.getOrDefault("--password", ""));
                 PreparedStatement insert = connection.prepareStatement("""
                         insert into work_item (tenant_id, id, type, source_system, external_id, content_fingerprint, title, amount,
                             currency, attributes, requested_queue, queue, status, priority_score, created_at, updated_at, version)
                         values ('raw', gen_random_uuid(), 'INVOICE_HOLD', 'bench-insert', ?, md5(?), ?, ?, 'USD',
                             '{"supplier":"S1"}'::jsonb, 'ap', 'ap', 'READY', 50, now(), now(), 0)""")) {
                for (int i = next.getAndIncrement(); i < rows; i = next.getAndIncrement()) {
                    insert.setString(1, prefix + i);
                    insert.setString(2, prefix + i);
                    insert.setString(3, "Invoice " + i);
                    insert.setBigDecimal(4, java.math.BigDecimal.valueOf(100 + i % 900));
                    insert.executeUpdate();
                }
            }
            return null;
        });
        double perSecond = rows / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "raw single-row INSERT: %,d = %.0f rows/s%n", rows, perSecond);
        return perSecond;
    }

    private static void parallel(int threads, Callable<Void> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(work));
            }
            for (Future<Void> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    record Remittance(String text, int denied) {
    }

    /**
     * An 835 of one payer with {@code claims} claims: {@code deniedPercent} of them denied (CO-50 or CO-197, one item
     * each), a third of the rest paid in part with a contractual adjustment and patient responsibility, the others paid
     * in full; each with its patient, service line and dates.
     */
    static Remittance remittance(int claims, int deniedPercent) {
        StringBuilder x12 = new StringBuilder(claims * 320);
        x12.append("ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*BENCHHOSPITAL  *261120*1200*^*00501*000000901*0*P*:~")
                .append("GS*HP*CLEARINGHOUSE*BENCHHOSPITAL*20261120*1200*901*X*005010X221A1~ST*835*0001*005010X221A1~")
                .append("BPR*I*100.00*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*20261118~")
                .append("TRN*1*BENCH").append(System.nanoTime()).append("*1512345678~DTM*405*20261118~N1*PR*BENCH HEALTH PLAN*XV*60054~")
                .append("N1*PE*BENCH HOSPITAL*XX*1234567893~LX*1~");
        int segments = 7; // ST to LX
        int denied = 0;
        java.util.Random random = new java.util.Random(835);
        for (int c = 0; c < claims; c++) {
            String id = "BCH" + c;
            int charge = 200 + random.nextInt(4800);
            boolean deny = random.nextInt(100) < deniedPercent;
            if (deny) {
                denied++;
                x12.append("CLP*PCN").append(c).append("*4*").append(charge).append("*0**12*").append(id).append("*11*1~")
                        .append("CAS*CO*").append(c % 2 == 0 ? "50" : "197").append('*').append(charge).append('~');
            } else if (c % 3 == 0) {
                int paid = charge * 7 / 10;
                int patient = charge / 10;
                x12.append("CLP*PCN").append(c).append("*1*").append(charge).append('*').append(paid).append('*').append(patient)
                        .append("*12*").append(id).append("*11*1~CAS*CO*45*").append(charge - paid - patient).append("~CAS*PR*1*")
                        .append(patient).append('~');
                segments++;
            } else {
                x12.append("CLP*PCN").append(c).append("*1*").append(charge).append('*').append(charge).append("*0*12*").append(id)
                        .append("*11*1~");
                segments--;
            }
            x12.append("NM1*QC*1*PATIENT*P").append(c).append("****MI*W").append(100000000 + c).append("~DTM*232*20261001~")
                    .append("SVC*HC:99214*").append(charge).append('*').append(charge).append("**1~DTM*472*20261002~");
            segments += 6;
        }
        x12.append("SE*").append(segments + 1).append("*0001~GE*1*901~IEA*1*000000901~");
        return new Remittance(x12.toString(), denied);
    }

    record Remittance835Run(double seconds, int status, long created, long peakHeapMb) {
    }

    /** Posts the file and samples the server JVM's used heap (the harness shares its JVM) while it is read. */
    private static Remittance835Run post835(URI base, String token, Remittance file) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        HttpClient client = HttpClient.newHttpClient();
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/inbound/x12/835"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/edi-x12")
                .timeout(java.time.Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofString(file.text())).build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        Matcher created = CREATED.matcher(response.body());
        if (response.statusCode() >= 300) {
            System.out.println("835 refused: " + response.statusCode() + " " + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return new Remittance835Run(seconds, response.statusCode(), created.find() ? Long.parseLong(created.group(1)) : -1,
                (peak.get() - baseline) >> 20);
    }
}
