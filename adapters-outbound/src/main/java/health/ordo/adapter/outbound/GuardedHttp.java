package health.ordo.adapter.outbound;

import health.ordo.spi.http.OutboundChannel;
import health.ordo.spi.http.OutboundPolicy;
import health.ordo.spi.http.OutboundRefusedException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import javax.net.ssl.SSLSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one HTTP channel ({@link OutboundChannel}) for requests made on a tenant's behalf. Adapters describe a request with the JDK's
 * {@link HttpRequest}; this channel sends it with Apache HttpClient, whose DNS resolver is the {@link OutboundPolicy}: a
 * connection can only go to an address the policy vetted at that moment. Redirects are never followed, no proxy or cookie
 * is used, a request has one total deadline (connecting, waiting and reading the body), and a body longer than the policy's
 * cap fails the request. Connections are pooled per destination (at most {@value #PER_ROUTE} each), so a source that hangs
 * holds only its own connections.
 */
public final class GuardedHttp implements OutboundChannel, AutoCloseable {

    static final int PER_ROUTE = 4;
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ordo-outbound-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private final OutboundPolicy policy;
    private final CloseableHttpClient client;

    public GuardedHttp(OutboundPolicy policy) {
        this.policy = policy;
        DnsResolver vetted = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) {
                // at most two addresses: each gets its own connect attempt, which a request's deadline cannot cut short
                InetAddress[] vetted = policy.resolve(host);
                return vetted.length <= 2 ? vetted : java.util.Arrays.copyOf(vetted, 2);
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return host;
            }
        };
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(vetted)
                .setMaxConnPerRoute(PER_ROUTE)
                .setMaxConnTotal(256)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(10))
                        .setTimeToLive(TimeValue.ofMinutes(5)).setValidateAfterInactivity(TimeValue.ofSeconds(10)).build())
                .build();
        this.client = HttpClients.custom().setConnectionManager(connections).disableRedirectHandling().disableCookieManagement()
                .disableAutomaticRetries().disableAuthCaching().evictIdleConnections(TimeValue.ofMinutes(1))
                .setUserAgent("Ordo").build();
    }

    @Override
    public OutboundPolicy policy() {
        return policy;
    }

    @Override
    public HttpResponse<String> send(HttpRequest request, Duration deadline) throws IOException {
        URI uri = request.uri();
        policy.check(uri);
        Duration total = deadline.compareTo(policy.maxTimeout()) > 0 ? policy.maxTimeout() : deadline;
        HttpUriRequestBase outgoing = new HttpUriRequestBase(request.method(), uri);
        request.headers().map().forEach((name, values) -> values.forEach(value -> outgoing.addHeader(name, value)));
        byte[] body = body(request);
        if (body != null) {
            String type = request.headers().firstValue("Content-Type").orElse(null);
            outgoing.setEntity(new ByteArrayEntity(body, type == null ? null : ContentType.parseLenient(type)));
        }
        Timeout timeout = Timeout.of(Math.max(1, total.toMillis()), TimeUnit.MILLISECONDS);
        outgoing.setConfig(RequestConfig.custom().setRedirectsEnabled(false).setConnectionRequestTimeout(timeout)
                .setResponseTimeout(timeout).setContentCompressionEnabled(true).build());
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> alarm = DEADLINES.schedule(() -> {
            expired.set(true);
            outgoing.cancel();
        }, total.toMillis(), TimeUnit.MILLISECONDS);
        try (CloseableHttpResponse response = client.execute(outgoing)) {
            String text = read(response.getEntity());
            return new Received(request, response.getCode(), headers(response.getHeaders()), text);
        } catch (OutboundRefusedException e) {
            throw e;
        } catch (IOException | IllegalStateException e) {
            if (expired.get() || e instanceof InterruptedIOException) {
                throw new java.net.http.HttpTimeoutException("no complete answer within " + total.toMillis() + " ms");
            }
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        } finally {
            alarm.cancel(false);
        }
    }

    private String read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        long cap = policy.maxResponseBytes();
        if (entity.getContentLength() > cap) {
            throw new IOException("response body of " + entity.getContentLength() + " bytes is larger than the "
                    + cap + " bytes allowed");
        }
        Charset charset = StandardCharsets.UTF_8;
        try {
            ContentType type = ContentType.parseLenient(entity.getContentType());
            if (type != null && type.getCharset() != null) {
                charset = type.getCharset();
            }
        } catch (RuntimeException e) {
            // an unknown charset: read as UTF-8
        }
        try (InputStream in = entity.getContent()) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > cap) {
                    throw new IOException("response body is larger than the " + cap + " bytes allowed");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(charset);
        }
    }

    private static HttpHeaders headers(Header[] headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Header header : headers) {
            map.computeIfAbsent(header.getName(), k -> new ArrayList<>()).add(header.getValue());
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    /** The bytes of a JDK request body (its publisher is drained synchronously), or null without one. */
    private static byte[] body(HttpRequest request) throws IOException {
        Optional<HttpRequest.BodyPublisher> publisher = request.bodyPublisher();
        if (publisher.isEmpty() || publisher.get().contentLength() == 0) {
            return null;
        }
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        publisher.get().subscribe(new Flow.Subscriber<>() {
            private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                out.write(bytes, 0, bytes.length);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(out.toByteArray());
            }
        });
        try {
            return done.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the request body");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("the request body could not be read", e);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /** A response read in full. */
    private record Received(HttpRequest request, int statusCode, HttpHeaders headers, String body) implements HttpResponse<String> {

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
