package health.ordo.adapter.outbound;

import health.ordo.application.port.out.event.WebhookSenderPort;
import health.ordo.spi.http.OutboundChannel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sends webhook messages through the guarded channel: the CloudEvent in the structured JSON mode
 * ({@code application/cloudevents+json}) with the Standard Webhooks headers {@code webhook-id} (the event id, the same on
 * every retry and replay, for receivers to deduplicate on), {@code webhook-timestamp} (seconds) and
 * {@code webhook-signature}.
 */
public final class WebhookSender implements WebhookSenderPort {

    /** What a receiver's answer body may say in a delivery's error; the rest is not kept. */
    private static final int ERROR_BODY = 300;

    private final OutboundChannel http;

    public WebhookSender(OutboundChannel http) {
        this.http = http;
    }

    @Override
    public void check(String url) {
        http.policy().check(URI.create(url));
    }

    @Override
    public Answer send(String url, String messageId, Instant timestamp, List<String> secrets, Map<String, Object> envelope, Duration timeout) {
        String body = CloudEventsJson.write(envelope);
        long seconds = timestamp.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(seconds))
                .header("webhook-signature", StandardWebhooks.header(secrets, messageId, seconds, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, timeout);
            long millis = (System.nanoTime() - started) / 1_000_000;
            int status = response.statusCode();
            String error = status >= 200 && status < 300 ? null : "status " + status + answerText(response.body());
            return new Answer(status, error, millis);
        } catch (IOException | RuntimeException e) {
            return new Answer(null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static String answerText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        return ": " + (text.length() > ERROR_BODY ? text.substring(0, ERROR_BODY) + "…" : text);
    }
}
